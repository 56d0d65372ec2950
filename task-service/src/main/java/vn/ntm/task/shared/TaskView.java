package vn.ntm.task.shared;

import vn.ntm.contracts.OrganisationRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A task as the API answers it (lists, by id, after a change); {@code role} is the caller's part in it. */
public record TaskView(UUID id, UUID inspectionId, String communeCode, String communeName, Integer criterion,
                       String criterionName, OrganisationRef assignee, String title, String description,
                       LocalDate dueDate, TaskStatus status, boolean overdue, long version, String ruleCode,
                       Instant createdAt, Instant updatedAt, OrganisationRef originalAssignee,
                       boolean needsReassignment, String role, UUID latestInspectionId,
                       String traceId, LocalDate communeAsOf, LocalDate assigneeAsOf,
                       LocalDate originalAssigneeAsOf) {
    /** {@code role}: the caller's part in the task ({@link #ASSIGNEE}, {@link #COOPERATING}), null otherwise. */
    public static final String ASSIGNEE = "ASSIGNEE";
    public static final String COOPERATING = TaskParticipant.COOPERATING;

    public static TaskView of(Task t, LocalDate today) {
        return of(t, today, null);
    }

    public static TaskView of(Task t, LocalDate today, String role) {
        return new TaskView(t.id(), t.inspectionId(), t.communeCode(), t.communeName(), t.criterion(),
                t.criterionName(), t.assignee(), t.title(), t.description(), t.dueDate(), t.status(),
                t.isOverdue(today), t.version(), t.ruleCode(), t.createdAt(), t.updatedAt(),
                t.originalAssignee(), t.needsReassignment(), role, t.latestInspectionId(), t.traceId(),
                t.communeAsOf(), t.assigneeAsOf(), t.sourceAsOf());
    }
}
