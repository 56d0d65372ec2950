package vn.ntm.task.intake;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.i18n.Messages;
import vn.ntm.task.rules.CatalogCopyService;
import vn.ntm.task.shared.TaskJournal;
import vn.ntm.task.shared.TaskStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Re-inspection, in the batch's transaction (so exactly once with the event ids in {@code processed_event}): which
 * communes' earlier work each event may settle, and the settlement of the open tasks of earlier inspections
 * ({@link Settlement}), planned in memory and written by {@link BatchWrites} with the rest of the batch.
 */
@ApplicationScoped
public class SettlementService {
    /** Actor of the history entries and events a re-inspection writes: {@code inspection:<id>}. */
    public static final String ACTOR_PREFIX = "inspection:";


    record OpenRow(Settlement.OpenTask task, UUID inspectionId, OrganisationRef assignee, String title,
                           LocalDate dueDate, String status, long version, LocalDate sourceAsOf,
                           LocalDate assigneeAsOf, LocalDate inspectedOn) {
    }

    /**
     * Per commune of each event, its code and those of the communes it succeeded (transitively) up to the
     * inspection's date: one statement for the whole batch.
     */
    void earlierCodes(Connection c, List<InspectionEventBatch.EventPlan> plans) throws SQLException {
        List<String> codes = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        for (InspectionEventBatch.EventPlan plan : plans) {
            Map<String, Set<String>> own = new LinkedHashMap<>();
            for (InspectionFinalized.Commune commune : list(plan.event.communes())) {
                if (commune != null && commune.code() != null) {
                    own.computeIfAbsent(commune.code(), k -> new LinkedHashSet<>(List.of(k)));
                    if (plan.event.inspectedOn() != null) {
                        codes.add(commune.code());
                        dates.add(plan.event.inspectedOn());
                    }
                }
            }
            plan.earlierCodes = own;
        }
        if (codes.isEmpty()) {
            return;
        }
        Map<String, Set<String>> found = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("with recursive pred (root, on_date, code, depth) as ("
                + " select r.code, r.on_date, r.code, 0 from unnest(?::text[], ?::date[]) as r(code, on_date)"
                + " union select p.root, p.on_date, s.from_code, p.depth + 1 from admin_unit_succession s"
                + " join pred p on s.to_code = p.code where p.depth < 8 and s.effective_on <= p.on_date"
                + " and s.from_level = 'commune') select distinct root, on_date, code from pred")) {
            st.setArray(1, c.createArrayOf("text", codes.toArray()));
            st.setArray(2, c.createArrayOf("date", dates.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.computeIfAbsent(rs.getString(1) + "@" + rs.getObject(2, LocalDate.class),
                            k -> new LinkedHashSet<>()).add(rs.getString(3));
                }
            }
        }
        for (InspectionEventBatch.EventPlan plan : plans) {
            if (plan.event.inspectedOn() != null) {
                plan.earlierCodes.forEach((code, set) -> set.addAll(
                        found.getOrDefault(code + "@" + plan.event.inspectedOn(), Set.of())));
            }
        }
    }

    /**
     * The open tasks of earlier inspections that any event of the batch may settle (every code of its communes,
     * before the batch's latest inspection date), locked: one statement, before the batch writes anything. The first
     * round settles with them; they also tell which events of the same day may share a round.
     */
    List<OpenRow> openTasks(Connection c, List<InspectionEventBatch.EventPlan> plans) throws SQLException {
        Set<String> codes = new LinkedHashSet<>();
        LocalDate latest = null;
        for (InspectionEventBatch.EventPlan plan : plans) {
            LocalDate day = plan.event.inspectedOn();
            if (day != null && !plan.earlierCodes.isEmpty()) {
                plan.earlierCodes.values().forEach(codes::addAll);
                latest = latest == null || day.isAfter(latest) ? day : latest;
            }
        }
        return latest == null ? List.of() : openTasks(c, codes, latest);
    }

    /** Per commune code, the earliest inspection date of these open tasks. */
    static Map<String, LocalDate> oldest(List<OpenRow> open) {
        Map<String, LocalDate> oldest = new HashMap<>();
        for (OpenRow row : open) {
            if (row.inspectedOn() != null) {
                oldest.merge(row.task().communeCode(), row.inspectedOn(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return oldest;
    }

    /**
     * Settles the open tasks of earlier inspections that the round's findings decide ({@link Settlement}), into
     * {@code writes}, and leaves out of each event's planned tasks those whose work continues in a linked open task.
     * The round's events never settle the same open task (see {@code InspectionEventBatch.rounds}).
     * {@code preloaded}: the open tasks read for the batch before anything was written (the first round), or null to
     * read them now.
     */
    void settle(Connection c, List<InspectionEventBatch.EventPlan> round, CatalogCopyService.Catalog catalog,
                BatchWrites writes, List<OpenRow> preloaded) throws SQLException {
        Set<String> codes = new LinkedHashSet<>();
        LocalDate latest = null;
        Map<InspectionEventBatch.EventPlan, List<Settlement.Finding>> findingsOf = new LinkedHashMap<>();
        for (InspectionEventBatch.EventPlan plan : round) {
            InspectionFinalized event = plan.event;
            if (event.inspectedOn() == null) {
                continue;
            }
            List<Settlement.Finding> findings = new ArrayList<>();
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
            }
            if (findings.isEmpty()) {
                continue;
            }
            findingsOf.put(plan, findings);
            plan.earlierCodes.values().forEach(codes::addAll);
            latest = latest == null || event.inspectedOn().isAfter(latest) ? event.inspectedOn() : latest;
        }
        if (findingsOf.isEmpty()) {
            return;
        }
        List<OpenRow> open = preloaded != null ? preloaded : openTasks(c, codes, latest);
        if (open.isEmpty()) {
            return;
        }
        for (Map.Entry<InspectionEventBatch.EventPlan, List<Settlement.Finding>> entry : findingsOf.entrySet()) {
            InspectionEventBatch.EventPlan plan = entry.getKey();
            InspectionFinalized event = plan.event;
            Map<UUID, OpenRow> rows = new LinkedHashMap<>();
            for (OpenRow row : open) {
                if (!row.inspectionId().equals(plan.inspectionId) && row.inspectedOn().isBefore(event.inspectedOn())) {
                    rows.put(row.task().id(), row);
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            Settlement.Plan settlement = Settlement.plan(entry.getValue(),
                    rows.values().stream().map(OpenRow::task).toList(), plan.earlierCodes, catalog.mapping());
            String actor = ACTOR_PREFIX + plan.inspectionId;
            for (Settlement.Settle s : settlement.settled()) {
                done(rows.get(s.task().id()), s.finding(), plan, actor, writes);
            }
            for (Settlement.Link l : settlement.linked()) {
                link(rows.get(l.task().id()), l.finding(), plan, actor, writes);
            }
            if (!settlement.isEmpty()) {
                Log.infof("inspection %s settled %d and continued %d open task(s) of earlier inspections",
                        plan.inspectionId, settlement.settled().size(), settlement.linked().size());
                plan.planned = plan.planned.stream().filter(p -> !settlement.suppressed().contains(
                        Settlement.key(p.communeCode(), p.criterion(), p.ruleCode()))).toList();
            }
        }
    }

    /** Open tasks about these communes of inspections before {@code before}, locked for the settlement. */
    private static List<OpenRow> openTasks(Connection c, Set<String> communeCodes, LocalDate before)
            throws SQLException {
        List<OpenRow> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select id, inspection_id, commune_code, criteria_set,"
                + " criterion, rule_code, assignee_type, assignee_code, assignee_name, title, due_date, status, version,"
                + " source_as_of, assignee_as_of, inspected_on from task where commune_code = any(?)"
                + " and criterion is not null and criteria_set is not null"
                + " and status not in ('DONE', 'CANCELLED') and inspected_on < ? order by id for update")) {
            st.setArray(1, c.createArrayOf("text", communeCodes.toArray(String[]::new)));
            st.setObject(2, before);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject("id", UUID.class);
                    out.add(new OpenRow(new Settlement.OpenTask(id, rs.getString("commune_code"),
                            rs.getString("criteria_set"), rs.getInt("criterion"), rs.getString("rule_code")),
                            rs.getObject("inspection_id", UUID.class), new OrganisationRef(
                            rs.getString("assignee_type"), rs.getString("assignee_code"),
                            rs.getString("assignee_name")), rs.getString("title"),
                            rs.getObject("due_date", LocalDate.class), rs.getString("status"), rs.getLong("version"),
                            rs.getObject("source_as_of", LocalDate.class),
                            rs.getObject("assignee_as_of", LocalDate.class),
                            rs.getObject("inspected_on", LocalDate.class)));
                }
            }
        }
        return out;
    }

    /** Criterion now met: the task is done, verified by this inspection (history and status-changed event). */
    private static void done(OpenRow row, Settlement.Finding f, InspectionEventBatch.EventPlan plan, String actor,
                             BatchWrites writes) {
        InspectionFinalized event = plan.event;
        // stored once, in Vietnamese, the language of the record; dates as people write them
        String reason = LocalizedText.of("task.settle.done", event.inspectedOn(), describe(event), f.criterion(),
                name(f), f.communeCode(), actor.substring(ACTOR_PREFIX.length())).in(Messages.VIETNAMESE);
        writes.done(new TaskJournal.Snapshot(row.task().id(), row.inspectionId(), row.task().communeCode(),
                row.sourceAsOf(), row.task().criterion(), row.assignee(), row.assigneeAsOf(), row.title(),
                row.dueDate(), TaskStatus.DONE.name(), false, row.version() + 1), row.status(), reason, actor, plan);
    }

    /**
     * Criterion still not met: the task continues under this inspection (once: {@code task_inspection}), with the
     * finding's deadline when it sets one.
     */
    private static void link(OpenRow row, Settlement.Finding f, InspectionEventBatch.EventPlan plan, String actor,
                             BatchWrites writes) {
        InspectionFinalized event = plan.event;
        LocalDate due = f.deadline() != null ? f.deadline() : row.dueDate();
        boolean newDate = !due.equals(row.dueDate());
        String note = (newDate
                ? LocalizedText.of("task.settle.linkedNewDate", event.inspectedOn(), describe(event), f.criterion(),
                        name(f), plan.inspectionId, due, row.dueDate())
                : LocalizedText.of("task.settle.linked", event.inspectedOn(), describe(event), f.criterion(), name(f),
                        plan.inspectionId)).in(Messages.VIETNAMESE);
        writes.link(row.task().id(), plan.inspectionId, due, newDate, row.status(), note, actor);
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
