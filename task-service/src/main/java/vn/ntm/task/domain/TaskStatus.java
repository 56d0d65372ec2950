package vn.ntm.task.domain;

import java.util.Set;

/** Task lifecycle: OPEN → IN_PROGRESS → DONE, or CANCELLED from either open state. */
public enum TaskStatus {
    OPEN, IN_PROGRESS, DONE, CANCELLED;

    public static final Set<TaskStatus> ACTIVE = Set.of(OPEN, IN_PROGRESS);

    public boolean canMoveTo(TaskStatus next) {
        return switch (this) {
            case OPEN -> next == IN_PROGRESS || next == CANCELLED;
            case IN_PROGRESS -> next == DONE || next == CANCELLED;
            case DONE, CANCELLED -> false;
        };
    }

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
