package vn.ntm.criteria.sets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * A whole criteria set as one JSON document: what an administrator sends to create or edit a draft, and what
 * export returns (import of an export gives back the same document). Sector lists hold sector codes, lead first.
 * Bean Validation here only guards the shape; the whole-set rules run at publish ({@link PublishRules}).
 */
public record CriteriaSetDocument(
        @NotBlank @Pattern(regexp = SET_CODE, message = "{criteria.field.setCode}") String code,
        @NotBlank @Size(max = 500) String name,
        @NotNull Level level,
        @NotNull Tier tier,
        @NotNull @Min(1990) @Max(2100) Integer periodFrom,
        @NotNull @Min(1990) @Max(2100) Integer periodTo,
        @Size(max = 1000) String legalBasis,
        @Pattern(regexp = ADMIN_CODE, message = ADMIN_CODE_MESSAGE) String provinceCode,
        @Pattern(regexp = SET_CODE, message = "{criteria.field.setCode}") String baseSet,
        @Size(max = 50) List<@NotNull @Valid Group> groups,
        @Size(max = 200) List<@NotNull @Valid Criterion> criteria) {

    /** Set codes (also {@code baseSet}). */
    public static final String SET_CODE = "[A-Z0-9_]{2,64}";
    /** Administrative and organisation codes (a province, or e.g. {@code 20:GTVT}). */
    public static final String ADMIN_CODE = "[A-Za-z0-9][A-Za-z0-9:._-]{0,39}";
    static final String ADMIN_CODE_MESSAGE = "{criteria.field.adminCode}";
    /** Group, criterion, indicator and sector codes ({@code II}, {@code 17}, {@code 17.8}, {@code GTVT}). */
    public static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";
    static final String CODE_MESSAGE = "{criteria.field.code}";

    public CriteriaSetDocument {
        groups = groups == null ? List.of() : groups;
        criteria = criteria == null ? List.of() : criteria;
    }

    public CriteriaSetDocument withCode(String newCode) {
        return new CriteriaSetDocument(newCode, name, level, tier, periodFrom, periodTo, legalBasis, provinceCode,
                baseSet, groups, criteria);
    }

    public record Group(@NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
                        @NotBlank @Size(max = 500) String name,
                        Integer order) {
    }

    public record Criterion(
            @NotNull Integer number,
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 500) String name,
            @Size(max = 500) String englishName,
            @Pattern(regexp = CODE, message = CODE_MESSAGE) String group,
            @Size(max = 20) List<@NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String> sectors,
            @Size(max = 200) List<@NotNull @Valid Indicator> indicators,
            @Size(max = 20) List<@NotNull @Valid CriterionRef> continues) {

        public Criterion {
            sectors = sectors == null ? List.of() : sectors;
            indicators = indicators == null ? List.of() : indicators;
            continues = continues == null ? List.of() : continues;
        }

        /** A criterion that continues no criterion of another set. */
        public Criterion(Integer number, String code, String name, String englishName, String group,
                         List<String> sectors, List<Indicator> indicators) {
            this(number, code, name, englishName, group, sectors, indicators, List.of());
        }
    }

    /**
     * A criterion of another set that this one continues (the explicit mapping between sets: work under that
     * criterion is settled by findings on this one). Criteria of different sets are never matched by number.
     */
    public record CriterionRef(@NotBlank @Pattern(regexp = SET_CODE, message = "must be 2-64 of A-Z, 0-9 and _") String set,
                               @NotNull @Min(1) @Max(200) Integer criterion) {
    }

    public record Indicator(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 1000) String name,
            @Size(max = 20) List<@NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String> sectors,
            @Size(max = 100) List<@NotNull @Valid Threshold> thresholds) {

        public Indicator {
            sectors = sectors == null ? List.of() : sectors;
            thresholds = thresholds == null ? List.of() : thresholds;
        }
    }

    /**
     * {@code region} null = all regions; {@code year} null = every year, otherwise from that year on. Whether the
     * kind is known is a publish rule; its shape is checked at once.
     */
    public record Threshold(Integer region, Integer year,
                            @NotBlank @Pattern(regexp = "[A-Z][A-Z_]{0,39}", message = "{criteria.field.kind}") String kind,
                            @Digits(integer = 15, fraction = 10) BigDecimal value,
                            @Size(max = 100) String unit) {
    }
}
