package vn.ntm.task.service;

import vn.ntm.platform.i18n.Messages;
import vn.ntm.platform.i18n.LocalizedText;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.task.domain.PlannedTask;
import vn.ntm.task.domain.Settlement;
import vn.ntm.task.domain.TaskStatus;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The work of a finalized inspection beyond creating its tasks, in the handler's transaction (so exactly once with
 * the event id in {@code processed_event}): settling the open tasks of earlier inspections
 * ({@link Settlement}), and recording the new tasks' set, inspection date and cooperating departments.
 */
@ApplicationScoped
public class FollowUpService {
    /** Actor of the history entries and events a re-inspection writes: {@code inspection:<id>}. */
    public static final String ACTOR_PREFIX = "inspection:";

    private final TaskJournal journal;

    public FollowUpService(TaskJournal journal) {
        this.journal = journal;
    }

    private record OpenRow(Settlement.OpenTask task, UUID inspectionId, OrganisationRef assignee, String title,
                           LocalDate dueDate, String status, long version, LocalDate sourceAsOf,
                           LocalDate assigneeAsOf) {
    }

    /**
     * Settles the earlier inspections' open tasks this inspection's findings decide, and returns the planned tasks
     * still to create (those whose work continues in a linked open task are left out).
     */
    public List<PlannedTask> settle(Connection c, UUID inspectionId, InspectionFinalized event,
                                    List<PlannedTask> planned, CatalogCopyService.Catalog catalog, Instant now,
                                    LocalDate today) throws SQLException {
        if (event.inspectedOn() == null) {
            return planned;
        }
        List<Settlement.Finding> findings = new ArrayList<>();
        Map<String, Set<String>> earlierCodes = new HashMap<>();
        for (InspectionFinalized.Commune commune : list(event.communes())) {
            if (commune == null || commune.code() == null) {
                continue;
            }
            for (InspectionFinalized.Finding f : list(commune.findings())) {
                if (f != null) {
                    findings.add(new Settlement.Finding(commune.code(), commune.criteriaSet(), f.criterion(),
                            f.criterionName(), f.result(), f.deadline()));
                }
            }
            earlierCodes.put(commune.code(), earlierCodes(c, commune.code(), event.inspectedOn()));
        }
        if (findings.isEmpty()) {
            return planned;
        }
        Set<String> codes = new LinkedHashSet<>();
        earlierCodes.values().forEach(codes::addAll);
        Map<UUID, OpenRow> rows = openTasks(c, inspectionId, codes, event.inspectedOn());
        Settlement.Plan plan = Settlement.plan(findings, rows.values().stream().map(OpenRow::task).toList(),
                earlierCodes, catalog.mapping());
        String actor = ACTOR_PREFIX + inspectionId;
        for (Settlement.Settle s : plan.settled()) {
            done(c, rows.get(s.task().id()), s.finding(), event, actor, now);
        }
        for (Settlement.Link l : plan.linked()) {
            link(c, rows.get(l.task().id()), l.finding(), inspectionId, event, actor, now, today);
        }
        if (!plan.isEmpty()) {
            Log.infof("inspection %s settled %d and continued %d open task(s) of earlier inspections", inspectionId,
                    plan.settled().size(), plan.linked().size());
        }
        return planned.stream().filter(p -> !plan.suppressed().contains(
                Settlement.key(p.communeCode(), p.criterion(), p.ruleCode()))).toList();
    }

    /** The commune's code and those of the communes it succeeded (transitively) up to the inspection's date. */
    private static Set<String> earlierCodes(Connection c, String code, LocalDate on) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        out.add(code);
        try (PreparedStatement st = c.prepareStatement("with recursive pred (code, depth) as ("
                + " select ?::text, 0 union select s.from_code, p.depth + 1 from admin_unit_succession s"
                + " join pred p on s.to_code = p.code where p.depth < 8 and s.effective_on <= ?"
                + " and s.from_level = 'commune') select distinct code from pred")) {
            st.setString(1, code);
            st.setObject(2, on);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Open tasks about a commune and criterion of inspections before {@code before}, locked for the settlement. */
    private static Map<UUID, OpenRow> openTasks(Connection c, UUID inspectionId, Set<String> communeCodes,
                                                LocalDate before) throws SQLException {
        Map<UUID, OpenRow> out = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("select id, inspection_id, commune_code, criteria_set,"
                + " criterion, rule_code, assignee_type, assignee_code, assignee_name, title, due_date, status, version,"
                + " source_as_of, assignee_as_of from task where commune_code = any(?) and criterion is not null and criteria_set is not null"
                + " and status not in ('DONE', 'CANCELLED') and inspection_id <> ? and inspected_on < ?"
                + " order by id for update")) {
            st.setArray(1, c.createArrayOf("text", communeCodes.toArray(String[]::new)));
            st.setObject(2, inspectionId);
            st.setObject(3, before);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject("id", UUID.class);
                    out.put(id, new OpenRow(new Settlement.OpenTask(id, rs.getString("commune_code"),
                            rs.getString("criteria_set"), rs.getInt("criterion"), rs.getString("rule_code")),
                            rs.getObject("inspection_id", UUID.class), new OrganisationRef(
                            rs.getString("assignee_type"), rs.getString("assignee_code"),
                            rs.getString("assignee_name")), rs.getString("title"),
                            rs.getObject("due_date", LocalDate.class), rs.getString("status"), rs.getLong("version"),
                            rs.getObject("source_as_of", LocalDate.class),
                            rs.getObject("assignee_as_of", LocalDate.class)));
                }
            }
        }
        return out;
    }

    /** Criterion now met: the task is done, verified by this inspection (history and status-changed event). */
    private void done(Connection c, OpenRow row, Settlement.Finding f, InspectionFinalized event, String actor,
                      Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update task set status = ?, version = version + 1,"
                + " updated_at = ? where id = ?")) {
            update.setString(1, TaskStatus.DONE.name());
            update.setTimestamp(2, Timestamp.from(now));
            update.setObject(3, row.task().id());
            update.executeUpdate();
        }
        // stored once, in Vietnamese, the language of the record; dates as people write them
        String reason = LocalizedText.of("task.settle.done", event.inspectedOn(), describe(event), f.criterion(),
                name(f), f.communeCode(), actor.substring(ACTOR_PREFIX.length())).in(Messages.VIETNAMESE);
        journal.statusChanged(new TaskJournal.Snapshot(row.task().id(), row.inspectionId(),
                        row.task().communeCode(), row.sourceAsOf(), row.task().criterion(), row.assignee(),
                        row.assigneeAsOf(), row.title(), row.dueDate(),
                        TaskStatus.DONE.name(), false, row.version() + 1), row.status(),
                new TaskJournal.Change(null, reason, null), actor, now);
    }

    /**
     * Criterion still not met: the task continues under this inspection (once: {@code task_inspection}), with the
     * finding's deadline when it sets one.
     */
    private void link(Connection c, OpenRow row, Settlement.Finding f, UUID inspectionId, InspectionFinalized event,
                      String actor, Instant now, LocalDate today) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into task_inspection (task_id, inspection_id,"
                + " linked_at) values (?, ?, ?) on conflict do nothing")) {
            insert.setObject(1, row.task().id());
            insert.setObject(2, inspectionId);
            insert.setTimestamp(3, Timestamp.from(now));
            if (insert.executeUpdate() == 0) {
                return;
            }
        }
        LocalDate due = f.deadline() != null ? f.deadline() : row.dueDate();
        boolean newDate = !due.equals(row.dueDate());
        try (PreparedStatement update = c.prepareStatement("update task set latest_inspection_id = ?, due_date = ?,"
                + " overdue_notified_at = case when ? then null else overdue_notified_at end,"
                + " due_soon_notified_at = case when ? then null else due_soon_notified_at end,"
                + " version = version + 1, updated_at = ? where id = ?")) {
            update.setObject(1, inspectionId);
            update.setDate(2, Date.valueOf(due));
            update.setBoolean(3, newDate);
            update.setBoolean(4, newDate);
            update.setTimestamp(5, Timestamp.from(now));
            update.setObject(6, row.task().id());
            update.executeUpdate();
        }
        String note = (newDate
                ? LocalizedText.of("task.settle.linkedNewDate", event.inspectedOn(), describe(event), f.criterion(),
                        name(f), inspectionId, due, row.dueDate())
                : LocalizedText.of("task.settle.linked", event.inspectedOn(), describe(event), f.criterion(), name(f),
                        inspectionId)).in(Messages.VIETNAMESE);
        journal.history(row.task().id(), now, actor, "INSPECTION_LINKED", row.status(), row.status(), note);
    }

    /** Records the new tasks' set and inspection date, and attaches their cooperating departments. */
    public void recordCreated(Connection c, UUID inspectionId, InspectionFinalized event, List<PlannedTask> planned,
                              Instant now) throws SQLException {
        List<String[]> sets = new ArrayList<>();
        for (InspectionFinalized.Commune commune : list(event.communes())) {
            if (commune != null && commune.code() != null) {
                sets.add(new String[] {commune.code(), commune.criteriaSet()});
            }
        }
        try (PreparedStatement update = c.prepareStatement("update task t set inspected_on = ?,"
                + " criteria_set = coalesce(t.criteria_set, x.set_code)"
                + " from (select * from unnest(?::text[], ?::text[]) as u(code, set_code)) x"
                + " where t.inspection_id = ? and t.commune_code = x.code and t.inspected_on is null")) {
            update.setObject(1, event.inspectedOn());
            update.setArray(2, c.createArrayOf("text", sets.stream().map(s -> s[0]).toArray(String[]::new)));
            update.setArray(3, c.createArrayOf("text", sets.stream().map(s -> s[1]).toArray(String[]::new)));
            update.setObject(4, inspectionId);
            update.executeUpdate();
        }
        try (PreparedStatement update = c.prepareStatement("update task set inspected_on = ? where inspection_id = ?"
                + " and inspected_on is null")) {
            update.setObject(1, event.inspectedOn());
            update.setObject(2, inspectionId);
            update.executeUpdate();
        }
        List<Object[]> rows = new ArrayList<>();
        for (PlannedTask p : planned) {
            for (OrganisationRef o : p.cooperating()) {
                rows.add(new Object[] {p, o});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[][] text = new String[8][n];
        Integer[] criteria = new Integer[n];
        for (int i = 0; i < n; i++) {
            PlannedTask p = (PlannedTask) rows.get(i)[0];
            OrganisationRef o = (OrganisationRef) rows.get(i)[1];
            text[0][i] = p.ruleCode();
            text[1][i] = p.communeCode();
            criteria[i] = p.criterion();
            text[2][i] = p.assignee().type();
            text[3][i] = p.assignee().code();
            text[4][i] = p.sourceRef();
            text[5][i] = o.type();
            text[6][i] = o.code();
            text[7][i] = o.name();
        }
        try (PreparedStatement insert = c.prepareStatement("insert into task_participant (task_id, org_type,"
                + " org_code, org_name, role, added_at) select t.id, p.org_type, p.org_code, p.org_name,"
                + " 'COOPERATING', ? from unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[], ?::text[]) as p(rule_code, commune_code, criterion, assignee_type,"
                + " assignee_code, source_ref, org_type, org_code, org_name)"
                + " join task t on t.inspection_id = ? and t.rule_code = p.rule_code"
                + " and t.commune_code is not distinct from p.commune_code"
                + " and t.criterion is not distinct from p.criterion and t.assignee_type = p.assignee_type"
                + " and t.assignee_code = p.assignee_code and t.source_ref is not distinct from p.source_ref"
                + " on conflict (task_id, org_type, org_code) do nothing")) {
            insert.setTimestamp(1, Timestamp.from(now));
            insert.setArray(2, c.createArrayOf("text", text[0]));
            insert.setArray(3, c.createArrayOf("text", text[1]));
            insert.setArray(4, c.createArrayOf("int4", criteria));
            for (int k = 2; k <= 7; k++) {
                insert.setArray(k + 3, c.createArrayOf("text", text[k]));
            }
            insert.setObject(11, inspectionId);
            insert.executeUpdate();
        }
    }

    private static String describe(InspectionFinalized event) {
        return event.title() == null || event.title().isBlank() ? "" : " (" + event.title().strip() + ")";
    }

    private static String name(Settlement.Finding f) {
        return f.criterionName() == null || f.criterionName().isBlank() ? "" : " (" + f.criterionName() + ")";
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
