package vn.ntm.criteria.sets;

/** The administrative level a criteria set assesses. */
public enum Level {
    COMMUNE, DISTRICT
}
