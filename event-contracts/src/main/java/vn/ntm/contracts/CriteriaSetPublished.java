package vn.ntm.contracts;

import java.util.List;

/**
 * Data of {@code ntm.criteria-set.published} on {@code criteria-events}, key = set code: the published set's
 * structure as other services need it to check findings (no thresholds).
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
        List<Criterion> criteria) {

    public static final int SCHEMA_VERSION = 1;

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
