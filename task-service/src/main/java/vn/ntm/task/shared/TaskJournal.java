package vn.ntm.task.shared;


import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.contracts.TaskEvent;
import vn.ntm.contracts.TaskExtensionEvent;
import vn.ntm.contracts.TaskReassigned;
import vn.ntm.contracts.Topics;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.i18n.Messages;
import vn.ntm.platform.outbox.Outbox;
import vn.ntm.platform.outbox.OutboxEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Writes a task's history entry and its event in the caller's transaction. */
@ApplicationScoped
public class TaskJournal {
    public static final String SYSTEM = "system";

    private final AgroalDataSource dataSource;
    private final Outbox outbox;

    public TaskJournal(AgroalDataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /**
     * The task as events carry it; {@code communeAsOf} and {@code assigneeAsOf} are the register dates of the commune
     * and assignee codes.
     */
    public record Snapshot(UUID id, UUID inspectionId, UUID latestInspectionId, String provinceCode,
                           String communeCode, LocalDate communeAsOf, Integer criterion, OrganisationRef assignee,
                           LocalDate assigneeAsOf, String title, LocalDate dueDate, String status, boolean overdue,
                           long version) {
        public TaskEvent event(TaskEvent.StatusChange change) {
            return new TaskEvent(TaskEvent.SCHEMA_VERSION, id.toString(), inspectionId.toString(),
                    latestInspectionId == null ? null : latestInspectionId.toString(), provinceCode, communeCode,
                    communeCode == null ? null : communeAsOf, criterion, assignee, assigneeAsOf, title, dueDate,
                    status, overdue, version, change);
        }
    }

    /** A task event, announcing its data's schema version. */
    public static OutboxEvent taskEvent(UUID taskId, String type, TaskEvent data) {
        return OutboxEvent.of(Topics.TASK_EVENTS, taskId.toString(), type, data)
                .withDataSchema(CloudEventHeaders.TASK_EVENT_V3_SCHEMA);
    }

    /** An {@code ntm.task.reassigned} event (a succession's move or a verifier's reassignment), with its schema. */
    public static OutboxEvent reassigned(TaskReassigned data) {
        return OutboxEvent.of(Topics.TASK_EVENTS, data.taskId(), EventTypes.TASK_REASSIGNED, data)
                .withDataSchema(CloudEventHeaders.TASK_REASSIGNED_V3_SCHEMA);
    }

    /** An {@code ntm.task.extension-requested} or {@code ntm.task.extension-decided} event, with its schema. */
    public static OutboxEvent extension(String type, TaskExtensionEvent data) {
        return OutboxEvent.of(Topics.TASK_EVENTS, data.taskId(), type, data)
                .withDataSchema(CloudEventHeaders.TASK_EXTENSION_V2_SCHEMA);
    }

    /** What a status change carries besides the states: a free note, the reason and the assignee's report. */
    public record Change(String note, String reason, String report) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void history(UUID taskId, Instant at, String actor, String action, String from, String to, String note) {
        history(taskId, at, actor, action, from, to, new Change(note, null, null));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void history(UUID taskId, Instant at, String actor, String action, String from, String to, Change change) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into task_history (task_id, at, actor, action, from_status, to_status, note, reason, report)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, taskId);
            insert.setTimestamp(2, Timestamp.from(at));
            insert.setString(3, actor);
            insert.setString(4, action);
            insert.setString(5, from);
            insert.setString(6, to);
            insert.setString(7, change.note());
            insert.setString(8, change.reason());
            insert.setString(9, change.report());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the history of task " + taskId, e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(Snapshot task, String from, Change change, String actor, Instant at) {
        history(task.id(), at, actor, "STATUS_CHANGED", from, task.status(), change);
        outbox.append(taskEvent(task.id(), EventTypes.TASK_STATUS_CHANGED,
                task.event(new TaskEvent.StatusChange(from, task.status(), change.note(), actor, at,
                        change.reason(), change.report()))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void overdue(Snapshot task, Instant at) {
        history(task.id(), at, SYSTEM, "OVERDUE", task.status(), task.status(),
                LocalizedText.of("task.history.overdue", task.dueDate()).in(Messages.VIETNAMESE));
        outbox.append(taskEvent(task.id(), EventTypes.TASK_OVERDUE, task.event(null)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void dueSoon(Snapshot task, Instant at) {
        history(task.id(), at, SYSTEM, "DUE_SOON", task.status(), task.status(),
                LocalizedText.of("task.history.dueSoon", task.dueDate()).in(Messages.VIETNAMESE));
        outbox.append(taskEvent(task.id(), EventTypes.TASK_DUE_SOON, task.event(null)));
    }
}
