package vn.ntm.task.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.task.domain.PlannedTask;
import vn.ntm.task.domain.TaskRules;
import vn.ntm.task.domain.TaskStatus;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Idempotent handler of {@code ntm.inspection.finalized}: the event id goes into {@code processed_event} in the same
 * transaction as the tasks. A concurrent duplicate blocks on that primary key until the first commits, then finds
 * the id and does nothing; a re-published event with a new id adds nothing thanks to the tasks' natural key.
 */
@ApplicationScoped
public class InspectionEventHandler {
    private final AgroalDataSource dataSource;
    private final RuleService rules;
    private final TaskJournal journal;
    private final TaskClock clock;

    public InspectionEventHandler(AgroalDataSource dataSource, RuleService rules, TaskJournal journal,
                                  TaskClock clock) {
        this.dataSource = dataSource;
        this.rules = rules;
        this.journal = journal;
        this.clock = clock;
    }

    public record Outcome(boolean duplicate, int created) {
    }

    @Transactional
    public Outcome handle(UUID eventId, InspectionFinalized event) {
        UUID inspectionId = UUID.fromString(event.inspectionId());
        try (Connection c = dataSource.getConnection()) {
            if (!markProcessed(c, eventId, inspectionId)) {
                Log.infof("event %s (inspection %s) was already processed: skipped", eventId, inspectionId);
                return new Outcome(true, 0);
            }
            List<PlannedTask> planned = TaskRules.plan(event, rules.rules());
            String province = event.province() == null ? null : event.province().code();
            Instant now = clock.now();
            LocalDate today = clock.today();
            int created = 0;
            try (PreparedStatement insert = c.prepareStatement("insert into task (id, inspection_id, rule_code,"
                    + " source_ref, commune_code, commune_name, criterion, criterion_name, assignee_type,"
                    + " assignee_code, assignee_name, title, description, due_date, status, version, created_at,"
                    + " updated_at, province_code) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"
                    + " on conflict on constraint task_natural_key do nothing")) {
                for (PlannedTask task : planned) {
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setObject(2, inspectionId);
                    insert.setString(3, task.ruleCode());
                    insert.setString(4, task.sourceRef());
                    insert.setString(5, task.communeCode());
                    insert.setString(6, task.communeName());
                    if (task.criterion() == null) {
                        insert.setNull(7, Types.INTEGER);
                    } else {
                        insert.setInt(7, task.criterion());
                    }
                    insert.setString(8, task.criterionName());
                    insert.setString(9, task.assignee().type());
                    insert.setString(10, task.assignee().code());
                    insert.setString(11, task.assignee().name());
                    insert.setString(12, task.title());
                    insert.setString(13, task.description());
                    insert.setDate(14, Date.valueOf(task.dueDate()));
                    insert.setString(15, TaskStatus.OPEN.name());
                    insert.setTimestamp(16, Timestamp.from(now));
                    insert.setTimestamp(17, Timestamp.from(now));
                    insert.setString(18, province);
                    if (insert.executeUpdate() == 1) {
                        created++;
                        journal.created(new TaskJournal.Snapshot(id, inspectionId, task.communeCode(),
                                task.criterion(), task.assignee(), task.title(), task.dueDate(),
                                TaskStatus.OPEN.name(), task.dueDate().isBefore(today), 0), now);
                    }
                }
            }
            Log.infof("inspection %s: %d task(s) planned, %d created (event %s)", inspectionId, planned.size(),
                    created, eventId);
            return new Outcome(false, created);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the tasks of inspection " + inspectionId, e);
        }
    }

    private static boolean markProcessed(Connection c, UUID eventId, UUID inspectionId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into processed_event (event_id, event_type,"
                + " subject) values (?, ?, ?) on conflict (event_id) do nothing")) {
            insert.setObject(1, eventId);
            insert.setString(2, EventTypes.INSPECTION_FINALIZED);
            insert.setString(3, inspectionId.toString());
            return insert.executeUpdate() == 1;
        }
    }
}
