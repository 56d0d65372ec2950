package vn.ntm.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Data of {@code ntm.criteria-set.published} on {@code criteria-events}, key = set code: the published set's
 * structure as other services need it to check findings (no thresholds).
 * <p>
 * On {@link Topics#CRITERIA_REFERENCE} (compacted, key = set code) the same data carries {@code version}, the
 * snapshot's place in the sequence of its key ({@link ReferenceSnapshots#supersedes}); on {@code criteria-events} it
 * is absent.
 */
public record CriteriaSetPublished(
        int schemaVersion,
        String code,
        String name,
        String level,
        String tier,
        int periodFrom,
        int periodTo,
        String provinceCode,
        String baseSet,
        List<Criterion> criteria,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long version) {

    public static final int SCHEMA_VERSION = 1;

    /** A set without a snapshot version (as {@code criteria-events} carries it). */
    public CriteriaSetPublished(int schemaVersion, String code, String name, String level, String tier,
                                int periodFrom, int periodTo, String provinceCode, String baseSet,
                                List<Criterion> criteria) {
        this(schemaVersion, code, name, level, tier, periodFrom, periodTo, provinceCode, baseSet, criteria, null);
    }

    /** The same set as the snapshot {@code version} of its key. */
    public CriteriaSetPublished withVersion(Long snapshotVersion) {
        return new CriteriaSetPublished(schemaVersion, code, name, level, tier, periodFrom, periodTo, provinceCode,
                baseSet, criteria, snapshotVersion);
    }

    /**
     * One criterion. {@code sectors} are lead first; {@code leadSector} (chủ trì) and {@code cooperatingSectors}
     * (phối hợp) say the same explicitly (additive fields). {@code continues} names the criteria of other sets this
     * one continues: the only way work under one set is matched with a criterion of another (empty = none).
     */
    public record Criterion(int number, String code, String name, String group, List<String> sectors,
                            String leadSector, List<String> cooperatingSectors, List<CriterionRef> continues,
                            List<Indicator> indicators) {

        public Criterion {
            sectors = sectors == null ? List.of() : sectors;
            cooperatingSectors = cooperatingSectors == null ? List.of() : cooperatingSectors;
            continues = continues == null ? List.of() : continues;
            indicators = indicators == null ? List.of() : indicators;
        }

        /** Lead and cooperating sectors taken from {@code sectors} (lead first), no mapping. */
        public Criterion(int number, String code, String name, String group, List<String> sectors,
                         List<Indicator> indicators) {
            this(number, code, name, group, sectors, lead(sectors), cooperating(sectors), List.of(), indicators);
        }
    }

    /** An indicator; its {@code sectors} are its own (empty = the criterion's), lead first. */
    public record Indicator(String code, String name, List<String> sectors, String leadSector,
                            List<String> cooperatingSectors) {

        public Indicator {
            sectors = sectors == null ? List.of() : sectors;
            cooperatingSectors = cooperatingSectors == null ? List.of() : cooperatingSectors;
        }

        public Indicator(String code, String name, List<String> sectors) {
            this(code, name, sectors, lead(sectors), cooperating(sectors));
        }
    }

    /** A criterion of another set, by set code and criterion number. */
    public record CriterionRef(String set, int criterion) {
    }

    /** The lead of a lead-first sector list (null when empty). */
    public static String lead(List<String> sectors) {
        return sectors == null || sectors.isEmpty() ? null : sectors.get(0);
    }

    /** The cooperating sectors of a lead-first sector list. */
    public static List<String> cooperating(List<String> sectors) {
        return sectors == null || sectors.size() < 2 ? List.of() : List.copyOf(sectors.subList(1, sectors.size()));
    }
}
