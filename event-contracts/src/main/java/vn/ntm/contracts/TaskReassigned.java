package vn.ntm.contracts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Data of {@code ntm.task.reassigned} on {@code task-events}, key = task id: the register's succession moved an open
 * task from a unit that ceased to exist to its successor, or a verifier gave it to another unit or department of its
 * province. {@code assignee} is the task's assignee after the move, {@code from} the one before,
 * {@code originalAssignee} the first assignee the task ever had. {@code rule} says how the new assignee was chosen:
 * {@code SUCCESSOR} (the only one named), {@code SPLIT} (several named; the documented choice, flagged),
 * {@code COORDINATION_OFFICE} (none named; the province's coordination office, flagged), {@code VERIFIER} (a verifier
 * or an administrator chose it; {@code actor} is then the token's {@code sub}, {@code legalBasis} null, and
 * {@code effectiveOn} the day of the reassignment). {@code needsReassignment} is true when an administrator should
 * check the new assignee.
 */
public record TaskReassigned(
        int schemaVersion,
        String taskId,
        String inspectionId,
        String provinceCode,
        String communeCode,
        LocalDate communeAsOf,
        Integer criterion,
        String title,
        LocalDate dueDate,
        String status,
        long version,
        OrganisationRef assignee,
        LocalDate assigneeAsOf,
        OrganisationRef from,
        LocalDate fromAsOf,
        OrganisationRef originalAssignee,
        LocalDate originalAssigneeAsOf,
        boolean needsReassignment,
        String rule,
        LocalDate effectiveOn,
        String legalBasis,
        String actor,
        Instant at) {

    /**
     * Version 2 adds the register date next to each unit code: {@code communeAsOf} and
     * {@code originalAssigneeAsOf} (the inspection's register date), {@code fromAsOf} (the date the old assignee's
     * code referred to before the move) and {@code assigneeAsOf} (the move's effective date). Version 3 adds
     * {@code provinceCode}, the task's province after the move (null when read from an older version).
     */
    public static final int SCHEMA_VERSION = 3;

    /** {@code rule} of a reassignment a verifier or an administrator made (added to version 2, additively). */
    public static final String RULE_VERIFIER = "VERIFIER";
}
