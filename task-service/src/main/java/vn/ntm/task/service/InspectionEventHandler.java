package vn.ntm.task.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.task.domain.PlannedTask;
import vn.ntm.task.domain.TaskRules;
import vn.ntm.task.domain.TaskStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final CatalogCopyService catalog;
    private final FollowUpService followUp;
    private final SuccessionService succession;

    public InspectionEventHandler(AgroalDataSource dataSource, RuleService rules, TaskJournal journal,
                                  TaskClock clock, CatalogCopyService catalog, FollowUpService followUp,
                                  SuccessionService succession) {
        this.dataSource = dataSource;
        this.rules = rules;
        this.journal = journal;
        this.clock = clock;
        this.catalog = catalog;
        this.followUp = followUp;
        this.succession = succession;
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
            TaskTrace.recordCurrentTrace(c);
            CatalogCopyService.Catalog copy = catalog.load(c);
            List<PlannedTask> planned = TaskRules.plan(event, rules.rules(), copy.criterionRoles());
            String province = event.province() == null ? null : event.province().code();
            Instant now = clock.now();
            LocalDate today = clock.today();
            // re-inspection: settle earlier open work, and do not duplicate the work that continues
            planned = followUp.settle(c, inspectionId, event, planned, copy, now, today);
            List<TaskJournal.Snapshot> created = insertAll(c, inspectionId, province, event.unitsAsOf(),
                    event.leadAgency(), planned,
                    now, today);
            journal.createdAll(created, now);
            followUp.recordCreated(c, inspectionId, event, planned, now);
            // a unit the inspection named may have ceased since its date: its tasks go to the successor at once
            succession.moveCreated(created.stream().map(TaskJournal.Snapshot::id).toList());
            Log.infof("inspection %s: %d task(s) planned, %d created (event %s)", inspectionId, planned.size(),
                    created.size(), eventId);
            return new Outcome(false, created.size());
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the tasks of inspection " + inspectionId, e);
        }
    }

    /**
     * Inserts every planned task in one statement (arrays unnested server-side) and returns the ones actually
     * created: a task whose natural key exists already is skipped by the unique constraint.
     */
    private static List<TaskJournal.Snapshot> insertAll(Connection c, UUID inspectionId, String province,
                                                        LocalDate unitsAsOf, OrganisationRef leadAgency,
                                                        List<PlannedTask> planned,
                                                        Instant now, LocalDate today)
            throws SQLException {
        int n = planned.size();
        UUID[] ids = new UUID[n];
        String[][] text = new String[11][n];
        Integer[] criteria = new Integer[n];
        Map<UUID, PlannedTask> byId = new HashMap<>();
        for (int i = 0; i < n; i++) {
            PlannedTask task = planned.get(i);
            ids[i] = UUID.randomUUID();
            byId.put(ids[i], task);
            text[0][i] = task.ruleCode();
            text[1][i] = task.sourceRef();
            text[2][i] = task.communeCode();
            text[3][i] = task.communeName();
            criteria[i] = task.criterion();
            text[4][i] = task.criterionName();
            text[5][i] = task.assignee().type();
            text[6][i] = task.assignee().code();
            text[7][i] = task.assignee().name();
            text[8][i] = task.title();
            text[9][i] = task.description();
            text[10][i] = task.dueDate().toString();
        }
        List<TaskJournal.Snapshot> created = new ArrayList<>();
        try (PreparedStatement insert = c.prepareStatement("insert into task (id, inspection_id, rule_code,"
                + " source_ref, commune_code, commune_name, criterion, criterion_name, assignee_type, assignee_code,"
                + " assignee_name, title, description, due_date, status, version, created_at, updated_at,"
                + " province_code, assignee_as_of, lead_agency_type, lead_agency_code, source_as_of)"
                + " select t.id, ?, t.rule_code, t.source_ref, t.commune_code, t.commune_name, t.criterion,"
                + " t.criterion_name, t.assignee_type, t.assignee_code, t.assignee_name, t.title, t.description,"
                + " t.due_date::date, ?, 0, ?, ?, ?, ?, ?, ?, ?"
                + " from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[],"
                + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                + " as t(id, rule_code, source_ref, commune_code, commune_name, criterion, criterion_name,"
                + " assignee_type, assignee_code, assignee_name, title, description, due_date)"
                // a task the register's succession (or a verifier) has given to another unit keeps its first
                // assignee: a re-published event must not create it again for that first assignee
                + " where not exists (select 1 from task x where x.inspection_id = ? and x.rule_code = t.rule_code"
                + " and x.commune_code is not distinct from t.commune_code"
                + " and x.criterion is not distinct from t.criterion and x.source_ref is not distinct from t.source_ref"
                + " and x.original_assignee_code is not null and x.original_assignee_type = t.assignee_type"
                + " and x.original_assignee_code = t.assignee_code)"
                + " on conflict on constraint task_natural_key do nothing returning id")) {
            insert.setObject(1, inspectionId);
            insert.setString(2, TaskStatus.OPEN.name());
            insert.setTimestamp(3, Timestamp.from(now));
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setString(5, province);
            // the unit codes of the tasks mean the units of the inspection's date (see SuccessionService)
            insert.setObject(6, unitsAsOf);
            // the lead agency verifies the inspection's tasks; only a complete reference identifies one
            boolean lead = leadAgency != null && leadAgency.type() != null && leadAgency.code() != null;
            insert.setString(7, lead ? leadAgency.type() : null);
            insert.setString(8, lead ? leadAgency.code() : null);
            insert.setObject(9, unitsAsOf);
            insert.setArray(10, c.createArrayOf("uuid", ids));
            insert.setArray(11, c.createArrayOf("text", text[0]));
            insert.setArray(12, c.createArrayOf("text", text[1]));
            insert.setArray(13, c.createArrayOf("text", text[2]));
            insert.setArray(14, c.createArrayOf("text", text[3]));
            insert.setArray(15, c.createArrayOf("int4", criteria));
            for (int column = 4; column <= 10; column++) {
                insert.setArray(column + 12, c.createArrayOf("text", text[column]));
            }
            insert.setObject(23, inspectionId);
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    PlannedTask task = byId.get(id);
                    created.add(new TaskJournal.Snapshot(id, inspectionId, task.communeCode(), unitsAsOf,
                            task.criterion(), task.assignee(), unitsAsOf, task.title(), task.dueDate(), TaskStatus.OPEN.name(),
                            task.dueDate().isBefore(today), 0));
                }
            }
        }
        return created;
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
