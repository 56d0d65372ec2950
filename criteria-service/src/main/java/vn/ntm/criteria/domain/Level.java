package vn.ntm.criteria.domain;

/** The administrative level a criteria set assesses. */
public enum Level {
    COMMUNE, DISTRICT
}
