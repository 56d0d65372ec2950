package vn.ntm.criteria.domain;

/** DRAFT → PUBLISHED → RETIRED; only a draft can change. */
public enum SetStatus {
    DRAFT, PUBLISHED, RETIRED
}
