package vn.ntm.contracts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Data of {@code ntm.task.extension-requested} and {@code ntm.task.extension-decided} on {@code task-events}, key =
 * task id: the assignee asked for a later deadline, or a verifier approved or rejected the request. The task's fields
 * are as the change left them: after an approval {@code dueDate} is the new date (and {@code version} moved); after a
 * request or a rejection the deadline is unchanged. {@code extension.status}: {@code PENDING} (requested),
 * {@code APPROVED}, {@code REJECTED}. Actors are token subjects.
 */
public record TaskExtensionEvent(
        int schemaVersion,
        String taskId,
        String inspectionId,
        String provinceCode,
        String communeCode,
        Integer criterion,
        OrganisationRef assignee,
        String title,
        LocalDate dueDate,
        String status,
        long version,
        Extension extension) {

    /** Version 2 adds {@code provinceCode}, the task's province (null when read from version 1). */
    public static final int SCHEMA_VERSION = 2;

    public record Extension(
            String id,
            LocalDate requestedDueDate,
            LocalDate previousDueDate,
            String reason,
            String status,
            String requestedBy,
            Instant requestedAt,
            String decidedBy,
            Instant decidedAt,
            String decisionNote) {
    }
}
