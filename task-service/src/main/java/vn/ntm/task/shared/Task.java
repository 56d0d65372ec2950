package vn.ntm.task.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.ntm.contracts.OrganisationRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A follow-up task. Created by the consumer (plain SQL, idempotent); changed only through its methods. */
@Entity
@Table(name = "task")
public class Task {
    @Id
    private UUID id;
    @Column(name = "inspection_id")
    private UUID inspectionId;
    @Column(name = "rule_code")
    private String ruleCode;
    @Column(name = "source_ref")
    private String sourceRef;
    @Column(name = "commune_code")
    private String communeCode;
    @Column(name = "commune_name")
    private String communeName;
    @Column(name = "province_code")
    private String provinceCode;
    private Integer criterion;
    @Column(name = "criterion_name")
    private String criterionName;
    @Column(name = "assignee_type")
    private String assigneeType;
    @Column(name = "assignee_code")
    private String assigneeCode;
    @Column(name = "assignee_name")
    private String assigneeName;
    private String title;
    private String description;
    @Column(name = "due_date")
    private LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    private TaskStatus status;
    @Column(name = "overdue_notified_at")
    private Instant overdueNotifiedAt;
    @Column(name = "due_soon_notified_at")
    private Instant dueSoonNotifiedAt;
    @Column(name = "lead_agency_type")
    private String leadAgencyType;
    @Column(name = "lead_agency_code")
    private String leadAgencyCode;
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "original_assignee_type")
    private String originalAssigneeType;
    @Column(name = "original_assignee_code")
    private String originalAssigneeCode;
    @Column(name = "original_assignee_name")
    private String originalAssigneeName;
    @Column(name = "needs_reassignment")
    private boolean needsReassignment;
    @Column(name = "latest_inspection_id")
    private UUID latestInspectionId;
    // set by the database (the consumer names it per task; else the column default), never by this entity
    @Column(name = "trace_id", insertable = false, updatable = false)
    private String traceId;
    /** The criteria set of the task's finding (V13); read-only here (the lead department's view reads it). */
    @Column(name = "criteria_set", insertable = false, updatable = false)
    private String criteriaSet;
    /** The inspection's date (V13): the day the task's commune code refers to; kept when the assignee moves. */
    @Column(name = "inspected_on", updatable = false)
    private LocalDate inspectedOn;
    /** The register date of {@code assigneeCode} (codes are reused: a code alone is ambiguous). */
    @Column(name = "assignee_as_of")
    private LocalDate assigneeAsOf;
    /** The register date of the codes the inspection named: {@code communeCode} and the first assignee. */
    @Column(name = "source_as_of")
    private LocalDate sourceAsOf;

    protected Task() {
    }

    /** Moves to {@code next}; the caller has checked the version the client saw. */
    public TaskStatus moveTo(TaskStatus next, Instant at) {
        if (!TaskTransitions.isLegal(status, next)) {
            throw new IllegalTransition(status, next);
        }
        TaskStatus from = status;
        status = next;
        updatedAt = at;
        return from;
    }

    /**
     * Takes an approved extension's date; the overdue and due-soon notices start over for it (a task that was
     * overdue under the old date is notified again if it misses the new one).
     */
    public LocalDate extendTo(LocalDate due, Instant at) {
        LocalDate previous = dueDate;
        dueDate = due;
        overdueNotifiedAt = null;
        dueSoonNotifiedAt = null;
        updatedAt = at;
        return previous;
    }

    /**
     * Gives the task to another organisation, as the register names it on {@code asOf} (the day of the reassignment);
     * the task belongs to that organisation's province from now on. The first assignee is kept as
     * {@code originalAssignee}; a person's choice settles what a succession left for review
     * ({@code needsReassignment}).
     */
    public OrganisationRef reassign(OrganisationRef to, String province, LocalDate asOf, Instant at) {
        OrganisationRef previous = assignee();
        if (originalAssigneeType == null) {
            originalAssigneeType = assigneeType;
            originalAssigneeCode = assigneeCode;
            originalAssigneeName = assigneeName;
        }
        assigneeType = to.type();
        assigneeCode = to.code();
        assigneeName = to.name();
        assigneeAsOf = asOf;
        provinceCode = province;
        needsReassignment = false;
        updatedAt = at;
        return previous;
    }

    /** Overdue when the due date has passed (in the caller's zone, Asia/Ho_Chi_Minh) and the task is still open. */
    public boolean isOverdue(LocalDate today) {
        return status.isActive() && dueDate.isBefore(today);
    }

    public static final class IllegalTransition extends RuntimeException {
        public IllegalTransition(TaskStatus from, TaskStatus to) {
            super("A task cannot move from " + from + " to " + to + ".");
        }
    }

    public UUID id() { return id; }
    public UUID inspectionId() { return inspectionId; }
    public String ruleCode() { return ruleCode; }
    public String provinceCode() { return provinceCode; }
    public String communeCode() { return communeCode; }
    public String communeName() { return communeName; }
    public Integer criterion() { return criterion; }
    public String criterionName() { return criterionName; }
    public OrganisationRef assignee() { return new OrganisationRef(assigneeType, assigneeCode, assigneeName); }
    /** The inspection's lead agency (a verifier of the task), null for tasks created before it was kept. */
    public OrganisationRef leadAgency() {
        return leadAgencyType == null ? null : new OrganisationRef(leadAgencyType, leadAgencyCode, null);
    }
    /** The first assignee: recorded when the register's succession first moves the task, the assignee until then. */
    public OrganisationRef originalAssignee() {
        return originalAssigneeCode == null ? assignee()
                : new OrganisationRef(originalAssigneeType, originalAssigneeCode, originalAssigneeName);
    }
    public boolean needsReassignment() { return needsReassignment; }
    /** The latest inspection that found the criterion still unmet (the task continues under it), or null. */
    public UUID latestInspectionId() { return latestInspectionId; }
    public String traceId() { return traceId; }
    public LocalDate assigneeAsOf() { return assigneeAsOf; }
    /** The register date of {@code communeCode} and of {@code originalAssignee}'s code: the inspection's. */
    public LocalDate sourceAsOf() { return sourceAsOf; }
    /** The register date of {@code communeCode}; null without a commune. */
    public LocalDate communeAsOf() { return communeCode == null ? null : sourceAsOf; }
    public String title() { return title; }
    public String description() { return description; }
    public LocalDate dueDate() { return dueDate; }
    public TaskStatus status() { return status; }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
