package vn.ntm.contracts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Data of the task events on {@code task-events}, key = task id: {@code ntm.task.created},
 * {@code ntm.task.status-changed}, {@code ntm.task.inspection-linked}, {@code ntm.task.overdue} and
 * {@code ntm.task.due-soon}. Every event carries the
 * task as it is after the change; {@code change} is present only for status changes. A unit code alone is
 * ambiguous (codes are reused), so each carries the register date it refers to.
 */
public record TaskEvent(
        int schemaVersion,
        String taskId,
        String inspectionId,
        String latestInspectionId,
        String provinceCode,
        String communeCode,
        LocalDate communeAsOf,
        Integer criterion,
        OrganisationRef assignee,
        LocalDate assigneeAsOf,
        String title,
        LocalDate dueDate,
        String status,
        boolean overdue,
        long version,
        StatusChange change) {

    /**
     * Version 2 adds the register dates next to the unit codes: {@code communeAsOf} (the inspection's register date)
     * and {@code assigneeAsOf} (the date the assignee's code refers to: the inspection's date, or the effective
     * date of the register change that moved the task, or the day an administrator reassigned it). Version 3 adds
     * {@code provinceCode} (the task's province) and {@code latestInspectionId} (the later inspection the task
     * continues under, or null); older versions read with both null.
     */
    public static final int SCHEMA_VERSION = 3;

    /**
     * {@code actor} is the token subject of who moved the task; {@code reason} is why (a return, a cancellation, a
     * reopening, a report without evidence); {@code report} is the assignee's report when it moves to REPORTED.
     */
    public record StatusChange(String from, String to, String note, String actor, Instant at, String reason,
                               String report) {
    }
}
