package vn.ntm.task.extensions;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.contracts.TaskReassigned;
import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.outbox.Outbox;
import vn.ntm.task.shared.Labels;
import vn.ntm.task.register.AssigneeRules;
import vn.ntm.task.register.RegisterLookup;
import vn.ntm.task.register.SuccessionRules;
import vn.ntm.task.shared.Caller;
import vn.ntm.task.shared.Limits;
import vn.ntm.task.shared.SearchNames;
import vn.ntm.task.shared.Task;
import vn.ntm.task.shared.TaskAccess;
import vn.ntm.task.shared.TaskClock;
import vn.ntm.task.shared.TaskJournal;
import vn.ntm.task.shared.TaskStatus;
import vn.ntm.task.shared.TaskView;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reassignment by a verifier (README "Extensions and reassignment"): the task goes to a unit or department of its
 * province (or of the province that succeeded it) that the register copy holds on the day, named as the register
 * names it ({@link AssigneeRules}); the task takes that unit's province. The history keeps the previous assignee
 * (actor: the token's {@code sub}), {@code originalAssignee} the first one, and {@code ntm.task.reassigned} (rule
 * {@code VERIFIER}) goes out through the outbox in the same transaction.
 */
@ApplicationScoped
public class ReassignmentService {
    static final Set<String> ORG_TYPES = Set.of("UBND_XA", "UBND_HUYEN", "SO_NGANH", "VP_DIEU_PHOI");
    private static final Pattern ORG_CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9:._-]{0,39}$");

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final TaskAccess tasks;
    private final TaskJournal journal;
    private final Outbox outbox;
    private final TaskClock clock;

    public ReassignmentService(EntityManager em, AgroalDataSource dataSource, TaskAccess tasks, TaskJournal journal,
                               Outbox outbox, TaskClock clock) {
        this.em = em;
        this.dataSource = dataSource;
        this.tasks = tasks;
        this.journal = journal;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public TaskView reassign(String taskId, OrganisationRef to, String reason, Caller caller) {
        Task task = tasks.changeable(taskId, caller, LockModeType.PESSIMISTIC_WRITE);
        ExtensionService.requireVerifier(task, caller, LocalizedText.of("task.extension.verifierReassigns"));
        List<ServiceException.FieldError> errors = new ArrayList<>();
        if (to == null || to.type() == null || !ORG_TYPES.contains(to.type())) {
            errors.add(ServiceException.FieldError.of("assignee.type", "task.field.oneOf", ORG_TYPES));
        }
        if (to == null || to.code() == null || !ORG_CODE.matcher(to.code()).matches()) {
            errors.add(ServiceException.FieldError.of("assignee.code", "task.field.pattern", ORG_CODE.pattern()));
        }
        if (to != null && to.name() != null && (to.name().length() > 500 || !to.name().matches(Limits.TEXT_CHARS))) {
            errors.add(ServiceException.FieldError.of("assignee.name", "task.field.textMax", 500));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(ServiceException.FieldError.of("reason", "task.field.reasonRequired"));
        }
        if (!errors.isEmpty()) {
            throw ServiceException.invalid(LocalizedText.of("task.reassign.invalid"), errors)
                    .withCode(ProblemCode.REASSIGNMENT_INVALID);
        }
        if (to.type().equals(task.assignee().type()) && to.code().equals(task.assignee().code())) {
            throw ServiceException.invalid(LocalizedText.of("task.reassign.same", Labels.assigneeType(to.type()),
                    to.code()),
                    List.of(ServiceException.FieldError.of("assignee", "task.reassign.current")))
                    .withCode(ProblemCode.ALREADY_ASSIGNED);
        }
        if (task.status() == TaskStatus.DONE || task.status() == TaskStatus.CANCELLED) {
            throw ServiceException.conflict(LocalizedText.of("task.reassign.closed", taskId,
                    Labels.status(task.status())))
                    .withCode(ProblemCode.TASK_CLOSED);
        }
        LocalDate today = clock.today();
        AssigneeRules.Assignee assignee = assignee(task, to, today);

        Instant now = clock.now();
        OrganisationRef previous = task.assignee();
        // the register dates the event states next to each code (older tasks lack some: as the succession reads them)
        LocalDate unitsOfInspection = task.sourceAsOf() != null ? task.sourceAsOf()
                : task.assigneeAsOf() != null ? task.assigneeAsOf()
                : LocalDate.ofInstant(task.createdAt(), TaskClock.ZONE);
        LocalDate previousAsOf = task.assigneeAsOf() != null ? task.assigneeAsOf() : unitsOfInspection;
        task.reassign(assignee.ref(), assignee.provinceCode(), today, now);
        em.flush();
        try (Connection c = dataSource.getConnection()) {
            SearchNames.learn(c, List.of(SearchNames.Name.assignee(assignee.ref())));
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the assignee's name for the search", e);
        }
        String status = task.status().name();
        journal.history(task.id(), now, caller.subject(), "REASSIGNED", status, status,
                new TaskJournal.Change(previous.type() + ":" + previous.code() + " → " + assignee.ref().type() + ":"
                        + assignee.ref().code(), reason, null));
        outbox.append(TaskJournal.reassigned(new TaskReassigned(TaskReassigned.SCHEMA_VERSION, task.id().toString(),
                task.inspectionId().toString(), task.provinceCode(), task.communeCode(),
                task.communeCode() == null ? null : unitsOfInspection, task.criterion(), task.title(),
                task.dueDate(), status, task.version(), assignee.ref(), today, previous, previousAsOf,
                task.originalAssignee(), unitsOfInspection, false, TaskReassigned.RULE_VERIFIER, today, null,
                caller.subject(), now)));
        // the caller made the change, and sees its result even when the task left the caller's province with it
        return tasks.view(task, caller);
    }

    /**
     * The new assignee as the register copy names it on {@code today}: a unit or department of the task's province
     * or of a province that succeeded it; 422 with a stable code otherwise, before anything is written.
     */
    private AssigneeRules.Assignee assignee(Task task, OrganisationRef to, LocalDate today) {
        AssigneeRules.Decision decision;
        try (Connection c = dataSource.getConnection()) {
            RegisterLookup register = new RegisterLookup(c);
            String province = task.provinceCode() != null ? task.provinceCode() : communeProvince(task, register);
            decision = province == null ? new AssigneeRules.Decision(null, AssigneeRules.Refusal.OTHER_PROVINCE)
                    : AssigneeRules.decide(to.type(), to.code(), province, today, register);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the register copy", e);
        }
        if (decision.allowed()) {
            return decision.assignee();
        }
        Object[] args = {Labels.assigneeType(to.type()), to.code(), today, task.provinceCode() == null ? "?" : task.provinceCode()};
        throw switch (decision.refusal()) {
            case UNKNOWN -> refusal(LocalizedText.of("task.reassign.unknown", args),
                    ServiceException.FieldError.of("assignee.code", "task.reassign.unknownField"), ProblemCode.UNKNOWN_ASSIGNEE);
            case NOT_VALID -> refusal(LocalizedText.of("task.reassign.notValid", args),
                    ServiceException.FieldError.of("assignee.code", "task.reassign.notValidField"),
                    ProblemCode.ASSIGNEE_NOT_VALID);
            case OTHER_PROVINCE -> refusal(LocalizedText.of("task.reassign.otherProvince", args),
                    ServiceException.FieldError.of("assignee.code", "task.reassign.otherProvinceField"),
                    ProblemCode.ASSIGNEE_OF_ANOTHER_PROVINCE);
        };
    }

    private static ServiceException refusal(LocalizedText detail, ServiceException.FieldError field, ProblemCode code) {
        return ServiceException.invalid(detail, List.of(field)).withCode(code);
    }

    /** A task without a province (created before V3): the province of its commune, as the inspection named it. */
    private static String communeProvince(Task task, RegisterLookup register) {
        if (task.communeCode() == null || task.sourceAsOf() == null) {
            return null;
        }
        return register.validOn("commune", task.communeCode(), task.sourceAsOf())
                .map(SuccessionRules.Unit::provinceCode).orElse(null);
    }
}
