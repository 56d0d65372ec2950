package vn.ntm.criteria.sets;

/** DRAFT → PUBLISHED → RETIRED; only a draft can change. */
public enum SetStatus {
    DRAFT, PUBLISHED, RETIRED
}
