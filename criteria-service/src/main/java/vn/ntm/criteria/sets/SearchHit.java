package vn.ntm.criteria.sets;

/** A criterion or indicator of a published set whose name matches a search; indicator fields null for a criterion. */
public record SearchHit(String setCode, String setName, int criterionNumber, String criterionName,
                        String indicatorCode, String indicatorName) {
}
