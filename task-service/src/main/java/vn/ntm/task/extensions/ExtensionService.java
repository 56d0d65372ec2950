package vn.ntm.task.extensions;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.TaskExtensionEvent;
import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.i18n.Messages;
import vn.ntm.platform.outbox.Outbox;
import vn.ntm.task.shared.Labels;
import vn.ntm.task.shared.Caller;
import vn.ntm.task.shared.Task;
import vn.ntm.task.shared.TaskAccess;
import vn.ntm.task.shared.TaskClock;
import vn.ntm.task.shared.TaskJournal;
import vn.ntm.task.shared.TaskTransitions;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Deadline extensions (README "Extensions and reassignment"): the assignee asks, a verifier approves or rejects; an
 * approved date becomes the task's due date, which overdue and due-soon follow.
 */
@ApplicationScoped
public class ExtensionService {
    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final TaskAccess tasks;
    private final TaskJournal journal;
    private final TaskClock clock;
    private final Outbox outbox;

    public ExtensionService(EntityManager em, AgroalDataSource dataSource, TaskAccess tasks, TaskJournal journal,
                            TaskClock clock, Outbox outbox) {
        this.em = em;
        this.dataSource = dataSource;
        this.tasks = tasks;
        this.journal = journal;
        this.clock = clock;
        this.outbox = outbox;
    }

    public record ExtensionView(UUID id, UUID taskId, LocalDate requestedDueDate, LocalDate previousDueDate,
                                String reason, String status, String requestedBy, Instant requestedAt,
                                String decidedBy, Instant decidedAt, String decisionNote) {
    }

    @Transactional
    public ExtensionView request(String taskId, LocalDate dueDate, String reason, Caller caller) {
        Task task = tasks.changeable(taskId, caller, LockModeType.PESSIMISTIC_WRITE);
        if (!caller.isAssignee(task.assignee())) {
            throw ServiceException.forbidden(LocalizedText.of("task.extension.assigneeOnly"))
                    .withCode(ProblemCode.ASSIGNEE_ONLY);
        }
        if (!task.status().isActive()) {
            throw ServiceException.conflict(LocalizedText.of("task.extension.notActive", taskId,
                    Labels.status(task.status())))
                    .withCode(ProblemCode.TASK_NOT_ACTIVE);
        }
        List<ServiceException.FieldError> errors = new ArrayList<>();
        if (dueDate == null) {
            errors.add(ServiceException.FieldError.of("dueDate", "task.extension.dueDateRequired"));
        } else if (!dueDate.isAfter(task.dueDate())) {
            errors.add(ServiceException.FieldError.of("dueDate", "task.extension.dueDateAfter", task.dueDate()));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(ServiceException.FieldError.of("reason", "task.field.reasonRequired"));
        }
        if (!errors.isEmpty()) {
            throw ServiceException.invalid(LocalizedText.of("task.extension.invalid"), errors)
                    .withCode(ProblemCode.EXTENSION_INVALID);
        }
        if (pending(task.id())) {
            throw ServiceException.conflict(LocalizedText.of("task.extension.pending", taskId))
                    .withCode(ProblemCode.EXTENSION_PENDING);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into task_extension (id, task_id, requested_due, previous_due, reason, status, requested_by,"
                        + " requested_at) values (?, ?, ?, ?, ?, 'PENDING', ?, ?)")) {
            insert.setObject(1, id);
            insert.setObject(2, task.id());
            insert.setDate(3, Date.valueOf(dueDate));
            insert.setDate(4, Date.valueOf(task.dueDate()));
            insert.setString(5, reason);
            insert.setString(6, caller.subject());
            insert.setTimestamp(7, Timestamp.from(now));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the extension request of task " + taskId, e);
        }
        journal.history(task.id(), now, caller.subject(), "EXTENSION_REQUESTED", task.status().name(),
                task.status().name(), new TaskJournal.Change(dateChange(task.dueDate(), dueDate), reason, null));
        ExtensionView view = find(task.id(), id);
        publish(EventTypes.TASK_EXTENSION_REQUESTED, task, view);
        return view;
    }

    @Transactional
    public List<ExtensionView> list(String taskId, Caller caller) {
        Task task = tasks.readable(taskId, caller);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select * from task_extension where task_id = ? order by requested_at, id")) {
            st.setObject(1, task.id());
            List<ExtensionView> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(view(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the extensions of task " + taskId, e);
        }
    }

    /** Approves ({@code approve}) or rejects a pending request; a rejection needs a reason. */
    @Transactional
    public ExtensionView decide(String taskId, String extensionId, boolean approve, String note, Caller caller) {
        Task task = tasks.changeable(taskId, caller, LockModeType.PESSIMISTIC_WRITE);
        requireVerifier(task, caller, LocalizedText.of("task.extension.verifierDecides"));
        UUID id = uuid(extensionId, taskId);
        ExtensionView ext = find(task.id(), id);
        if (!ext.status().equals("PENDING")) {
            throw ServiceException.conflict(LocalizedText.of("task.extension.decided", extensionId,
                    Labels.extensionStatus(ext.status())))
                    .withCode(ProblemCode.EXTENSION_DECIDED);
        }
        if (!approve && (note == null || note.isBlank())) {
            throw ServiceException.invalid(LocalizedText.of("task.extension.rejectionReason"), List.of(
                    ServiceException.FieldError.of("reason", "task.field.reasonRequired")))
                    .withCode(ProblemCode.REASON_REQUIRED);
        }
        Instant now = clock.now();
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "update task_extension set status = ?, decided_by = ?, decided_at = ?, decision_note = ?"
                        + " where id = ? and status = 'PENDING'")) {
            update.setString(1, approve ? "APPROVED" : "REJECTED");
            update.setString(2, caller.subject());
            update.setTimestamp(3, Timestamp.from(now));
            update.setString(4, note == null || note.isBlank() ? null : note);
            update.setObject(5, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not decide extension " + extensionId, e);
        }
        if (approve) {
            LocalDate previous = task.extendTo(ext.requestedDueDate(), now);
            em.flush();
            journal.history(task.id(), now, caller.subject(), "EXTENSION_APPROVED", task.status().name(),
                    task.status().name(), new TaskJournal.Change(dateChange(previous, ext.requestedDueDate()),
                            note == null || note.isBlank() ? null : note, null));
        } else {
            journal.history(task.id(), now, caller.subject(), "EXTENSION_REJECTED", task.status().name(),
                    task.status().name(), new TaskJournal.Change(
                    Messages.DATE.format(ext.requestedDueDate()), note, null));
        }
        ExtensionView view = find(task.id(), id);
        publish(EventTypes.TASK_EXTENSION_DECIDED, task, view);
        return view;
    }

    /** The request's or decision's event, in the transaction of its history entry (outbox). */
    private void publish(String type, Task task, ExtensionView e) {
        outbox.append(TaskJournal.extension(type, new TaskExtensionEvent(
                TaskExtensionEvent.SCHEMA_VERSION, task.id().toString(), task.inspectionId().toString(),
                task.provinceCode(), task.communeCode(), task.criterion(), task.assignee(), task.title(), task.dueDate(),
                task.status().name(), task.version(), new TaskExtensionEvent.Extension(e.id().toString(),
                e.requestedDueDate(), e.previousDueDate(), e.reason(), e.status(), e.requestedBy(), e.requestedAt(),
                e.decidedBy(), e.decidedAt(), e.decisionNote()))));
    }

    static void requireVerifier(Task task, Caller caller, LocalizedText refusal) {
        TaskTransitions.Relation relation = TaskAccess.relation(task, caller);
        if (!relation.verifier() || relation.assignee()) {
            throw ServiceException.forbidden(refusal).withCode(ProblemCode.VERIFIER_ONLY);
        }
    }

    /** The history note of a deadline change, dates as people write them (dd/MM/yyyy), stored in Vietnamese. */
    static String dateChange(LocalDate from, LocalDate to) {
        return LocalizedText.of("task.history.dateChange", from, to).in(Messages.VIETNAMESE);
    }

    private boolean pending(UUID taskId) {
        return ((Number) em.createNativeQuery("select count(*) from task_extension where task_id = ?1"
                + " and status = 'PENDING'").setParameter(1, taskId).getSingleResult()).longValue() > 0;
    }

    private static UUID uuid(String id, String taskId) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ServiceException.notFound(LocalizedText.of("task.extension.notFound"));
        }
    }

    private ExtensionView find(UUID taskId, UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select * from task_extension where task_id = ? and id = ?")) {
            st.setObject(1, taskId);
            st.setObject(2, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw ServiceException.notFound(LocalizedText.of("task.extension.notFound"));
                }
                return view(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read extension " + id, e);
        }
    }

    private static ExtensionView view(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ExtensionView(rs.getObject("id", UUID.class), rs.getObject("task_id", UUID.class),
                rs.getDate("requested_due").toLocalDate(), rs.getDate("previous_due").toLocalDate(),
                rs.getString("reason"), rs.getString("status"), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("decision_note"));
    }
}
