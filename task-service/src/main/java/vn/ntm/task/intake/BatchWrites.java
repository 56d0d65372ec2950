package vn.ntm.task.intake;

import io.quarkus.logging.Log;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.contracts.TaskEvent;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.i18n.Messages;
import vn.ntm.platform.outbox.Outbox;
import vn.ntm.platform.outbox.OutboxEvent;
import vn.ntm.task.register.RegisterLookup;
import vn.ntm.task.register.SuccessionRules;
import vn.ntm.task.register.SuccessionService;
import vn.ntm.task.rules.PlannedTask;
import vn.ntm.task.shared.SearchNames;
import vn.ntm.task.shared.TaskJournal;
import vn.ntm.task.shared.TaskStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rows of one round of a batch of inspection events, collected in memory and written with one statement per
 * kind ({@link #flush}): settled tasks, continued (linked) tasks, new tasks, their cooperating departments, their
 * succession moves, every history entry, and every outbox row. Each row carries the trace of its own event.
 */
final class BatchWrites {
    /** Register changes followed in one go for a new task; more are left to the succession scheduler. */
    private static final int MAX_CHAIN = 5;
    private static final Set<String> UNIT_TYPES = Set.of("UBND_XA", "UBND_HUYEN", "SO_NGANH", "VP_DIEU_PHOI");

    private final Instant now;
    private final LocalDate today;

    private record Done(TaskJournal.Snapshot task, String from, String reason, String actor,
                        InspectionEventBatch.EventPlan plan) {
    }

    /** An active task that goes on: new inspections it answers, its due date and basis. */
    private record Renew(UUID taskId, Set<UUID> links, UUID latest, LocalDate due, boolean newDate, LocalDate basis,
                         String status, String note, String actor, InspectionEventBatch.EventPlan plan) {
    }

    /** A task a round asks for: as planned from its inspection, the finding it answers (null: work of one inspection). */
    private record Wanted(InspectionEventBatch.EventPlan plan, PlannedTask planned, LocalDate basis, Set<UUID> cites) {
    }

    /** One step of a new task's way to the successor of a unit that had ceased when it was created. */
    private record Step(OrganisationRef from, SuccessionRules.Move move, LocalDate effectiveOn) {
    }

    /** A task to insert: as planned, and the assignee it gets (the successor's, when its unit had ceased). */
    private record NewTask(UUID id, InspectionEventBatch.EventPlan plan, PlannedTask planned, OrganisationRef assignee,
                           LocalDate assigneeAsOf, String provinceCode, List<Step> steps, LocalDate basis,
                           Set<UUID> cites) {
        boolean moved() {
            return !steps.isEmpty();
        }

        boolean flagged() {
            return steps.stream().anyMatch(s -> s.move().needsReassignment());
        }
    }

    private final List<Done> done = new ArrayList<>();
    private final List<Renew> renewals = new ArrayList<>();
    private final List<Wanted> wanted = new ArrayList<>();
    private final List<NewTask> tasks = new ArrayList<>();

    BatchWrites(Instant now, LocalDate today) {
        this.now = now;
        this.today = today;
    }

    /** A task the loop closes: {@code task.status()} is DONE (settled) or CANCELLED (no longer needed). */
    void close(TaskJournal.Snapshot task, String from, String reason, String actor,
               InspectionEventBatch.EventPlan plan) {
        done.add(new Done(task, from, reason, actor, plan));
    }

    void renew(UUID taskId, Set<UUID> links, UUID latest, LocalDate due, boolean newDate, LocalDate basis,
               String status, String note, String actor, InspectionEventBatch.EventPlan plan) {
        renewals.add(new Renew(taskId, links, latest, due, newDate, basis, status, note, actor, plan));
    }

    /**
     * A task to create: planned from {@code plan}'s inspection; {@code basis} the date of the finding it answers
     * (null for the work of one inspection), {@code cites} the other inspections it answers.
     */
    void add(InspectionEventBatch.EventPlan plan, PlannedTask planned, LocalDate basis, Set<UUID> cites) {
        wanted.add(new Wanted(plan, planned, basis, Set.copyOf(cites)));
    }

    /**
     * The round's planned tasks, each for the unit it will be created for: a unit that had already ceased (an
     * inspection dated before a register change, finalized after it) is replaced by its successor at once
     * ({@link SuccessionRules}), following a chain of changes one at a time.
     */
    void planTasks(RegisterLookup register) throws SQLException {
        Set<String> codes = new LinkedHashSet<>();
        for (Wanted w : wanted) {
            PlannedTask p = w.planned();
            if (w.plan().event.unitsAsOf() != null && UNIT_TYPES.contains(p.assignee().type())
                    && p.assignee().code() != null) {
                codes.add(SuccessionRules.unitCodeOf(p.assignee()));
            }
        }
        register.preload(codes);
        boolean anyCeased = false;
        for (Wanted w : wanted) {
            anyCeased |= ceased(w.planned().assignee(), w.plan().event.unitsAsOf(), register).isPresent();
        }
        if (anyCeased) {
            Set<String> next = new LinkedHashSet<>(register.successorCodes());
            next.addAll(register.provinceCodes());
            register.preload(next);
        }
        for (Wanted w : wanted) {
            InspectionEventBatch.EventPlan plan = w.plan();
            InspectionFinalized event = plan.event;
            String province = event.province() == null ? null : event.province().code();
            {
                PlannedTask p = w.planned();
                OrganisationRef assignee = p.assignee();
                LocalDate asOf = event.unitsAsOf();
                String provinceCode = province;
                List<Step> steps = new ArrayList<>();
                for (int step = 0; anyCeased && step < MAX_CHAIN; step++) {
                    Optional<SuccessionRules.Unit> unit = ceased(assignee, asOf, register);
                    if (unit.isEmpty()) {
                        break;
                    }
                    Optional<SuccessionRules.Move> move = SuccessionRules.plan(assignee, unit.get(), register);
                    if (move.isEmpty()) {
                        Log.warnf("new task of inspection %s: %s %s ceased on %s and the register names no"
                                        + " successor; created for it as it is", plan.inspectionId, assignee.type(),
                                assignee.code(), unit.get().validTo());
                        break;
                    }
                    LocalDate effectiveOn = unit.get().validTo().plusDays(1);
                    steps.add(new Step(assignee, move.get(), effectiveOn));
                    assignee = move.get().to();
                    asOf = effectiveOn;
                    provinceCode = move.get().provinceCode();
                }
                tasks.add(new NewTask(UUID.randomUUID(), plan, p, assignee, asOf, provinceCode, List.copyOf(steps),
                        w.basis(), w.cites()));
            }
        }
    }

    private Optional<SuccessionRules.Unit> ceased(OrganisationRef assignee, LocalDate asOf, RegisterLookup register) {
        if (asOf == null || !UNIT_TYPES.contains(assignee.type()) || assignee.code() == null) {
            return Optional.empty();
        }
        return register.ceased(SuccessionRules.levelOf(assignee.type()), SuccessionRules.unitCodeOf(assignee), asOf,
                today);
    }

    /** Writes everything collected; returns the number of tasks created. */
    int flush(Connection c, Outbox outbox) throws SQLException {
        History history = new History();
        List<OutboxEvent> events = new ArrayList<>();
        writeDone(c, history, events);
        writeRenewals(c, history, events);
        List<NewTask> created = insertTasks(c);
        insertCitations(c, created);
        insertParticipants(c, created);
        insertMoves(c, created);
        learnNames(c, created);
        for (NewTask t : created) {
            TaskJournal.Snapshot snapshot = new TaskJournal.Snapshot(t.id(), t.plan().inspectionId, null,
                    t.provinceCode(), t.planned().communeCode(), t.plan().event.unitsAsOf(), t.planned().criterion(), t.assignee(),
                    t.assigneeAsOf(), t.planned().title(), t.planned().dueDate(), TaskStatus.OPEN.name(),
                    t.planned().dueDate().isBefore(today), 0);
            history.add(t.id(), TaskJournal.SYSTEM, "CREATED", null, TaskStatus.OPEN.name(),
                    t.moved() ? createdForSuccessor(t) : t.planned().title(), null);
            events.add(traced(TaskJournal.taskEvent(t.id(), EventTypes.TASK_CREATED, snapshot.event(null)),
                    t.plan()));
            t.plan().owner.created++;
        }
        history.insert(c, now);
        outbox.appendAll(events);
        return created.size();
    }

    /** The event with its own inspection event's trace (a batch holds the traces of many). */
    private static OutboxEvent traced(OutboxEvent event, InspectionEventBatch.EventPlan plan) {
        if (plan.traceHeaders.isEmpty()) {
            return event;
        }
        Map<String, String> headers = new LinkedHashMap<>(plan.traceHeaders);
        headers.putAll(event.headers());
        return event.withHeaders(headers);
    }

    /** The CREATED entry of a task created for a successor: the title, then for whom and why. */
    private static String createdForSuccessor(NewTask t) {
        List<String> notes = new ArrayList<>();
        for (Step s : t.steps()) {
            notes.add(SuccessionService.note(s.from(), s.move(), s.effectiveOn()));
        }
        // history notes are stored once, in Vietnamese, the language of the record
        return LocalizedText.of("task.history.createdForSuccessor", t.planned().title(),
                SuccessionService.describe(t.planned().assignee()), String.join(" ", notes))
                .in(Messages.VIETNAMESE);
    }

    private void writeDone(Connection c, History history, List<OutboxEvent> events) throws SQLException {
        if (done.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("update task t set status = x.status,"
                + " version = t.version + 1, loop_closed = true, updated_at = ?"
                + " from unnest(?::uuid[], ?::text[]) as x(id, status) where t.id = x.id")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setArray(2, c.createArrayOf("uuid", done.stream().map(d -> d.task().id()).toArray()));
            update.setArray(3, c.createArrayOf("text", done.stream().map(d -> d.task().status()).toArray()));
            update.executeUpdate();
        }
        for (Done d : done) {
            history.add(d.task().id(), d.actor(), "STATUS_CHANGED", d.from(), d.task().status(), null, d.reason());
            events.add(traced(TaskJournal.taskEvent(d.task().id(), EventTypes.TASK_STATUS_CHANGED,
                    d.task().event(new TaskEvent.StatusChange(d.from(), d.task().status(), null,
                            d.actor(), now, d.reason(), null))), d.plan()));
        }
    }

    /**
     * The tasks that go on under a later inspection, each with its {@code INSPECTION_LINKED} entries and one
     * {@code ntm.task.inspection-linked} event carrying the task as the update left it (its version moved, and
     * possibly its due date).
     */
    private void writeRenewals(Connection c, History history, List<OutboxEvent> events) throws SQLException {
        if (renewals.isEmpty()) {
            return;
        }
        List<UUID> linkTasks = new ArrayList<>();
        List<UUID> linkInspections = new ArrayList<>();
        for (Renew r : renewals) {
            for (UUID inspection : r.links()) {
                linkTasks.add(r.taskId());
                linkInspections.add(inspection);
            }
        }
        if (!linkTasks.isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement("insert into task_inspection (task_id, inspection_id,"
                    + " linked_at) select t.task_id, t.inspection_id, ? from unnest(?::uuid[], ?::uuid[])"
                    + " as t(task_id, inspection_id) on conflict do nothing")) {
                insert.setTimestamp(1, Timestamp.from(now));
                insert.setArray(2, c.createArrayOf("uuid", linkTasks.toArray()));
                insert.setArray(3, c.createArrayOf("uuid", linkInspections.toArray()));
                insert.executeUpdate();
            }
        }
        try (PreparedStatement update = c.prepareStatement("update task t set latest_inspection_id ="
                + " case when x.linked then x.latest else t.latest_inspection_id end,"
                + " due_date = x.due, work_basis = x.basis,"
                + " overdue_notified_at = case when x.new_date then null else t.overdue_notified_at end,"
                + " due_soon_notified_at = case when x.new_date then null else t.due_soon_notified_at end,"
                + " version = t.version + 1, updated_at = ?"
                + " from unnest(?::uuid[], ?::uuid[], ?::date[], ?::boolean[], ?::date[], ?::boolean[])"
                + " as x(id, latest, due, new_date, basis, linked) where t.id = x.id"
                + " returning t.id, t.inspection_id, t.latest_inspection_id, t.province_code, t.commune_code,"
                + " t.source_as_of, t.criterion, t.assignee_type, t.assignee_code, t.assignee_name,"
                + " t.assignee_as_of, t.title, t.due_date, t.status, t.version")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setArray(2, c.createArrayOf("uuid", renewals.stream().map(Renew::taskId).toArray()));
            update.setArray(3, c.createArrayOf("uuid", renewals.stream().map(Renew::latest).toArray()));
            update.setArray(4, c.createArrayOf("date", renewals.stream().map(Renew::due).toArray()));
            update.setArray(5, c.createArrayOf("bool", renewals.stream().map(Renew::newDate).toArray()));
            update.setArray(6, c.createArrayOf("date", renewals.stream().map(Renew::basis).toArray()));
            update.setArray(7, c.createArrayOf("bool", renewals.stream().map(r -> !r.links().isEmpty()).toArray()));
            Map<UUID, TaskJournal.Snapshot> renewed = new HashMap<>();
            try (ResultSet rs = update.executeQuery()) {
                while (rs.next()) {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    String status = rs.getString("status");
                    renewed.put(rs.getObject("id", UUID.class), new TaskJournal.Snapshot(
                            rs.getObject("id", UUID.class), rs.getObject("inspection_id", UUID.class),
                            rs.getObject("latest_inspection_id", UUID.class), rs.getString("province_code"),
                            rs.getString("commune_code"), rs.getObject("source_as_of", LocalDate.class),
                            (Integer) rs.getObject("criterion"), new OrganisationRef(rs.getString("assignee_type"),
                            rs.getString("assignee_code"), rs.getString("assignee_name")),
                            rs.getObject("assignee_as_of", LocalDate.class), rs.getString("title"), due, status,
                            TaskStatus.valueOf(status).isActive() && due.isBefore(today), rs.getLong("version")));
                }
            }
            for (Renew r : renewals) {
                TaskJournal.Snapshot task = renewed.remove(r.taskId()); // one event per task the update changed
                if (task != null) {
                    events.add(traced(TaskJournal.taskEvent(r.taskId(), EventTypes.TASK_INSPECTION_LINKED,
                            task.event(null)), r.plan()));
                }
            }
        }
        for (Renew r : renewals) {
            if (r.links().isEmpty()) {
                history.add(r.taskId(), r.actor(), "INSPECTION_LINKED", r.status(), r.status(), r.note(), null);
            }
            for (UUID ignored : r.links()) {
                history.add(r.taskId(), r.actor(), "INSPECTION_LINKED", r.status(), r.status(), r.note(), null);
            }
        }
    }

    /** The other inspections a new task answers (inspections of one commune on the same day share its work). */
    private void insertCitations(Connection c, List<NewTask> created) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        List<UUID> inspections = new ArrayList<>();
        for (NewTask t : created) {
            for (UUID cite : t.cites()) {
                ids.add(t.id());
                inspections.add(cite);
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("insert into task_inspection (task_id, inspection_id,"
                + " linked_at) select t.task_id, t.inspection_id, ? from unnest(?::uuid[], ?::uuid[])"
                + " as t(task_id, inspection_id) on conflict do nothing")) {
            insert.setTimestamp(1, Timestamp.from(now));
            insert.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            insert.setArray(3, c.createArrayOf("uuid", inspections.toArray()));
            insert.executeUpdate();
        }
    }

    /**
     * Inserts every new task of the round in one statement and returns those actually created: a task whose natural
     * key exists already is skipped by the unique constraint, and so is one the register's succession (or a
     * verifier) has given to another unit since: it keeps its first assignee, and a re-published event must not
     * create it again for that first assignee.
     */
    private List<NewTask> insertTasks(Connection c) throws SQLException {
        if (tasks.isEmpty()) {
            return List.of();
        }
        int n = tasks.size();
        Object[][] col = new Object[31][n];
        Map<UUID, NewTask> byId = new HashMap<>();
        for (int i = 0; i < n; i++) {
            NewTask t = tasks.get(i);
            PlannedTask p = t.planned();
            InspectionFinalized e = t.plan().event;
            byId.put(t.id(), t);
            boolean lead = e.leadAgency() != null && e.leadAgency().type() != null && e.leadAgency().code() != null;
            col[0][i] = t.id();
            col[1][i] = t.plan().inspectionId;
            col[2][i] = p.ruleCode();
            col[3][i] = p.sourceRef();
            col[4][i] = p.communeCode();
            col[5][i] = p.communeName();
            col[6][i] = p.criterion();
            col[7][i] = p.criterionName();
            col[8][i] = t.assignee().type();
            col[9][i] = t.assignee().code();
            col[10][i] = t.assignee().name();
            col[11][i] = p.title();
            col[12][i] = p.description();
            col[13][i] = p.dueDate();
            col[14][i] = t.provinceCode();
            col[15][i] = t.assigneeAsOf();
            col[16][i] = lead ? e.leadAgency().type() : null;
            col[17][i] = lead ? e.leadAgency().code() : null;
            // the unit codes of the tasks mean the units of the inspection's date (see SuccessionService)
            col[18][i] = e.unitsAsOf();
            col[19][i] = t.moved() ? p.assignee().type() : null;
            col[20][i] = t.moved() ? p.assignee().code() : null;
            col[21][i] = t.moved() ? p.assignee().name() : null;
            col[22][i] = t.flagged();
            col[23][i] = t.plan().traceId;
            col[24][i] = e.inspectedOn();
            col[25][i] = criteriaSet(e, p.communeCode());
            col[26][i] = p.assignee().type();
            col[27][i] = p.assignee().code();
            col[28][i] = t.basis();
        }
        String[] types = {"uuid", "uuid", "text", "text", "text", "text", "int4", "text", "text", "text", "text",
                "text", "text", "date", "text", "date", "text", "text", "date", "text", "text", "text", "bool", "text",
                "date", "text", "text", "text", "date"};
        List<NewTask> created = new ArrayList<>();
        try (PreparedStatement insert = c.prepareStatement("insert into task (id, inspection_id, rule_code,"
                + " source_ref, commune_code, commune_name, criterion, criterion_name, assignee_type, assignee_code,"
                + " assignee_name, title, description, due_date, province_code, assignee_as_of, lead_agency_type,"
                + " lead_agency_code, source_as_of, original_assignee_type, original_assignee_code,"
                + " original_assignee_name, needs_reassignment, trace_id, inspected_on, criteria_set,"
                + " work_basis, status, version, created_at, updated_at)"
                + " select t.id, t.inspection_id, t.rule_code, t.source_ref, t.commune_code, t.commune_name,"
                + " t.criterion, t.criterion_name, t.assignee_type, t.assignee_code, t.assignee_name, t.title,"
                + " t.description, t.due_date, t.province_code, t.assignee_as_of, t.lead_agency_type,"
                + " t.lead_agency_code, t.source_as_of, t.original_assignee_type, t.original_assignee_code,"
                + " t.original_assignee_name, t.needs_reassignment, t.trace_id, t.inspected_on, t.criteria_set,"
                + " t.work_basis, ?, 0, ?, ?"
                + " from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int4[],"
                + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::date[],"
                + " ?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::text[], ?::bool[], ?::text[], ?::date[],"
                + " ?::text[], ?::text[], ?::text[], ?::date[])"
                + " as t(id, inspection_id, rule_code, source_ref, commune_code, commune_name, criterion,"
                + " criterion_name, assignee_type, assignee_code, assignee_name, title, description, due_date,"
                + " province_code, assignee_as_of, lead_agency_type, lead_agency_code, source_as_of,"
                + " original_assignee_type, original_assignee_code, original_assignee_name, needs_reassignment,"
                + " trace_id, inspected_on, criteria_set, planned_type, planned_code, work_basis)"
                + " where t.work_basis is not null or not exists (select 1 from task x where x.inspection_id = t.inspection_id"
                + " and x.rule_code = t.rule_code and x.commune_code is not distinct from t.commune_code"
                + " and x.criterion is not distinct from t.criterion and x.source_ref is not distinct from t.source_ref"
                + " and x.original_assignee_code is not null and x.original_assignee_type = t.planned_type"
                + " and x.original_assignee_code = t.planned_code)"
                + " on conflict do nothing returning id")) {
            insert.setString(1, TaskStatus.OPEN.name());
            insert.setTimestamp(2, Timestamp.from(now));
            insert.setTimestamp(3, Timestamp.from(now));
            for (int k = 0; k < types.length; k++) {
                insert.setArray(k + 4, c.createArrayOf(types[k], col[k]));
            }
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    created.add(byId.get(rs.getObject(1, UUID.class)));
                }
            }
        }
        return created;
    }

    /** The names the new tasks show, for the search (V34): one statement, almost always adding nothing. */
    private static void learnNames(Connection c, List<NewTask> created) throws SQLException {
        List<SearchNames.Name> names = new ArrayList<>();
        for (NewTask t : created) {
            names.add(SearchNames.Name.commune(t.planned().communeCode(), t.planned().communeName()));
            names.add(SearchNames.Name.assignee(t.assignee()));
            names.add(SearchNames.Name.criterion(t.planned().criterion(), t.planned().criterionName()));
        }
        SearchNames.learn(c, names);
    }

    /** The set the commune was judged under (null for a task about no commune of the event). */
    private static String criteriaSet(InspectionFinalized e, String communeCode) {
        if (communeCode == null) {
            return null;
        }
        for (InspectionFinalized.Commune commune : InspectionEventBatch.list(e.communes())) {
            if (commune != null && communeCode.equals(commune.code())) {
                return commune.criteriaSet();
            }
        }
        return null;
    }

    private void insertParticipants(Connection c, List<NewTask> created) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        List<OrganisationRef> orgs = new ArrayList<>();
        for (NewTask t : created) {
            for (OrganisationRef o : t.planned().cooperating()) {
                ids.add(t.id());
                orgs.add(o);
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("insert into task_participant (task_id, org_type,"
                + " org_code, org_name, role, added_at) select p.task_id, p.org_type, p.org_code, p.org_name,"
                + " 'COOPERATING', ? from unnest(?::uuid[], ?::text[], ?::text[], ?::text[])"
                + " as p(task_id, org_type, org_code, org_name) on conflict (task_id, org_type, org_code) do nothing")) {
            insert.setTimestamp(1, Timestamp.from(now));
            insert.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            insert.setArray(3, c.createArrayOf("text", orgs.stream().map(OrganisationRef::type).toArray()));
            insert.setArray(4, c.createArrayOf("text", orgs.stream().map(OrganisationRef::code).toArray()));
            insert.setArray(5, c.createArrayOf("text", orgs.stream().map(OrganisationRef::name).toArray()));
            insert.executeUpdate();
        }
    }

    /**
     * The moves of tasks created for a successor, under the same key as a scheduled move
     * ({@code task_succession_move}), so that the succession scheduler finds nothing left to do for them.
     */
    private void insertMoves(Connection c, List<NewTask> created) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (NewTask t : created) {
            for (Step s : t.steps()) {
                rows.add(new Object[] {t.id(), s.effectiveOn(), s.from().type(), s.from().code(),
                        s.move().to().type(), s.move().to().code(), s.move().rule()});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        String[] types = {"uuid", "date", "text", "text", "text", "text", "text"};
        try (PreparedStatement insert = c.prepareStatement("insert into task_succession_move (task_id, effective_on,"
                + " from_type, from_code, to_type, to_code, rule, moved_at) select m.*, ? from unnest(?::uuid[],"
                + " ?::date[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                + " as m(task_id, effective_on, from_type, from_code, to_type, to_code, rule) on conflict do nothing")) {
            insert.setTimestamp(1, Timestamp.from(now));
            for (int k = 0; k < types.length; k++) {
                int column = k;
                insert.setArray(k + 2, c.createArrayOf(types[k], rows.stream().map(r -> r[column]).toArray()));
            }
            insert.executeUpdate();
        }
    }

    /** History entries of the round, written in one statement. */
    private static final class History {
        private final List<UUID> ids = new ArrayList<>();
        private final List<String[]> text = new ArrayList<>();

        void add(UUID taskId, String actor, String action, String from, String to, String note, String reason) {
            ids.add(taskId);
            text.add(new String[] {actor, action, from, to, note, reason});
        }

        void insert(Connection c, Instant at) throws SQLException {
            if (ids.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = c.prepareStatement("insert into task_history (task_id, at, actor, action,"
                    + " from_status, to_status, note, reason) select h.task_id, ?, h.actor, h.action, h.from_status,"
                    + " h.to_status, h.note, h.reason from unnest(?::uuid[], ?::text[], ?::text[], ?::text[],"
                    + " ?::text[], ?::text[], ?::text[]) with ordinality"
                    + " as h(task_id, actor, action, from_status, to_status, note, reason, n) order by h.n")) {
                insert.setTimestamp(1, Timestamp.from(at));
                insert.setArray(2, c.createArrayOf("uuid", ids.toArray()));
                for (int k = 0; k < 6; k++) {
                    int column = k;
                    insert.setArray(k + 3, c.createArrayOf("text", text.stream().map(r -> r[column]).toArray()));
                }
                insert.executeUpdate();
            }
        }
    }
}
