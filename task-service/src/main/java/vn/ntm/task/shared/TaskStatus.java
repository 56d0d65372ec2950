package vn.ntm.task.shared;

import java.util.Set;

/**
 * Task lifecycle (README "Lifecycle"): OPEN → IN_PROGRESS → REPORTED → DONE, REPORTED → RETURNED → IN_PROGRESS,
 * CANCELLED. Who may make which move is {@link TaskTransitions}.
 */
public enum TaskStatus {
    // declared in lifecycle order: lists sorted by status follow it (TaskCursor)
    OPEN, IN_PROGRESS, REPORTED, RETURNED, DONE, CANCELLED;

    /** States in which the assignee still has work to do: these can be overdue and are reminded. */
    public static final Set<TaskStatus> ACTIVE = Set.of(OPEN, IN_PROGRESS, RETURNED);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
