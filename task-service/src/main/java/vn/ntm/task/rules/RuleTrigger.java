package vn.ntm.task.rules;

/** What in a finalized inspection fires a rule, and how often. */
public enum RuleTrigger {
    /** once per NOT_MET finding */
    NOT_MET_CRITERION,
    /** once per commune with at least one MET finding */
    COMMUNE_WITH_MET,
    /** once per commune whose target year is the year of the inspection */
    COMMUNE_TARGET_YEAR,
    /** once per inspection */
    INSPECTION,
    /** once per recommendation */
    RECOMMENDATION
}
