package vn.ntm.contracts;

/** CloudEvents {@code type} values. */
public final class EventTypes {
    public static final String CRITERIA_SET_PUBLISHED = "ntm.criteria-set.published";
    public static final String ADMIN_UNITS_CHANGED = "ntm.admin-units.changed";
    public static final String SECTORS_CHANGED = "ntm.sectors.changed";
    public static final String INSPECTION_FINALIZED = "ntm.inspection.finalized";
    public static final String INSPECTION_CORRECTED = "ntm.inspection.corrected";
    public static final String TASK_CREATED = "ntm.task.created";
    public static final String TASK_STATUS_CHANGED = "ntm.task.status-changed";
    /**
     * A re-inspection found the task's criterion still unmet: the task continues under it ({@code latestInspectionId},
     * possibly a new {@code dueDate}; {@code version} moves).
     */
    public static final String TASK_INSPECTION_LINKED = "ntm.task.inspection-linked";
    public static final String TASK_OVERDUE = "ntm.task.overdue";
    public static final String TASK_DUE_SOON = "ntm.task.due-soon";
    public static final String TASK_REASSIGNED = "ntm.task.reassigned";
    public static final String TASK_EXTENSION_REQUESTED = "ntm.task.extension-requested";
    public static final String TASK_EXTENSION_DECIDED = "ntm.task.extension-decided";

    private EventTypes() {
    }
}
