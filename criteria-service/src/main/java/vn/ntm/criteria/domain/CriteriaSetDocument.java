package vn.ntm.criteria.domain;

import jakarta.validation.Valid;
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
        @NotBlank @Pattern(regexp = "[A-Z0-9_]{2,64}", message = "must be 2-64 of A-Z, 0-9 and _") String code,
        @NotBlank @Size(max = 500) String name,
        @NotNull Level level,
        @NotNull Tier tier,
        @NotNull @Min(1990) @Max(2100) Integer periodFrom,
        @NotNull @Min(1990) @Max(2100) Integer periodTo,
        @Size(max = 1000) String legalBasis,
        String provinceCode,
        String baseSet,
        List<@NotNull @Valid Group> groups,
        List<@NotNull @Valid Criterion> criteria) {

    public CriteriaSetDocument {
        groups = groups == null ? List.of() : groups;
        criteria = criteria == null ? List.of() : criteria;
    }

    public CriteriaSetDocument withCode(String newCode) {
        return new CriteriaSetDocument(newCode, name, level, tier, periodFrom, periodTo, legalBasis, provinceCode,
                baseSet, groups, criteria);
    }

    public record Group(@NotBlank String code, @NotBlank String name, Integer order) {
    }

    public record Criterion(
            @NotNull Integer number,
            @NotBlank String code,
            @NotBlank @Size(max = 500) String name,
            @Size(max = 500) String englishName,
            String group,
            List<@NotNull String> sectors,
            List<@NotNull @Valid Indicator> indicators) {

        public Criterion {
            sectors = sectors == null ? List.of() : sectors;
            indicators = indicators == null ? List.of() : indicators;
        }
    }

    public record Indicator(
            @NotBlank String code,
            @NotBlank @Size(max = 1000) String name,
            List<@NotNull String> sectors,
            List<@NotNull @Valid Threshold> thresholds) {

        public Indicator {
            sectors = sectors == null ? List.of() : sectors;
            thresholds = thresholds == null ? List.of() : thresholds;
        }
    }

    /** {@code region} null = all regions; {@code year} null = every year, otherwise from that year on. */
    public record Threshold(Integer region, Integer year, @NotBlank String kind, BigDecimal value, String unit) {
    }
}
