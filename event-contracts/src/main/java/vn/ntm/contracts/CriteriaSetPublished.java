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

    public record Criterion(int number, String code, String name, String group, List<String> sectors,
                            List<Indicator> indicators) {
    }

    public record Indicator(String code, String name, List<String> sectors) {
    }
}
