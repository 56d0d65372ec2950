package vn.ntm.task.rules;

/** Who receives the task a rule creates. */
public enum RuleAssignee {
    /** UBND_XA of the commune */
    COMMUNE,
    /** UBND_HUYEN of the inspected district */
    DISTRICT,
    /** one SO_NGANH per sector of the criterion ({@code <provinceCode>:<sector>}), or the finding's responsible organisations */
    SECTOR_DEPARTMENTS,
    /** VP_DIEU_PHOI of the province */
    COORDINATION_OFFICE,
    /** the organisation a recommendation names */
    RECOMMENDATION_ASSIGNEE
}
