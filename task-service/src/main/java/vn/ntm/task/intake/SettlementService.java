package vn.ntm.task.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.i18n.Messages;
import vn.ntm.task.rules.CatalogCopyService;
import vn.ntm.task.rules.CriteriaMapping;
import vn.ntm.task.rules.PlannedTask;
import vn.ntm.task.rules.RuleTrigger;
import vn.ntm.task.rules.TaskRule;
import vn.ntm.task.rules.TaskRules;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The follow-up loop of DOMAIN.md §8 in the batch's transaction: records what each inspection found per commune (the
 * highest version of its findings: {@code inspection_visit}, {@code inspection_record}), locks each commune lineage
 * the batch touches ({@code pg_advisory_xact_lock}, in one order), and reconciles the lineage's tasks with the work
 * its latest findings ask for ({@link OpenWork}): missing work is created, existing work continues (new due date,
 * the inspections it answers linked), work no longer needed is settled or cancelled with the reason. Planned in
 * memory, written by {@link BatchWrites} with the rest of the batch.
 */
@ApplicationScoped
public class SettlementService {
    /** Actor of the history entries and events a re-inspection writes: {@code inspection:<id>}. */
    public static final String ACTOR_PREFIX = "inspection:";
    /** Namespace of the lineage locks ({@code pg_advisory_xact_lock(int, int)}): "NTM" and 4. */
    static final int LOCK_NAMESPACE = 0x4e544d04;
    private static final Set<String> ACTIVE = Set.of("OPEN", "IN_PROGRESS", "REPORTED", "RETURNED");

    private final ObjectMapper json;

    public SettlementService(ObjectMapper json) {
        this.json = json;
    }

    /** A visit as stored: what one inspection (in its current version) found about one commune. */
    record VisitRow(UUID inspectionId, String communeCode, int version, LocalDate inspectedOn, LocalDate unitsAsOf,
                    String criteriaSet, Integer targetYear, int statedMet, Map<Integer, OpenWork.Finding> findings) {
    }

    /** A task of a lineage, locked. */
    record TaskRow(UUID id, UUID inspectionId, String communeCode, String criteriaSet, Integer criterion,
                   String ruleCode, OrganisationRef assignee, String share, String title, LocalDate dueDate,
                   String status, long version, LocalDate sourceAsOf, LocalDate assigneeAsOf, LocalDate basis,
                   boolean loopClosed, Set<UUID> cites, UUID latestInspectionId, String provinceCode) {
    }

    /** One lineage the batch touches: its units, its visits, the batch's plans about it. */
    final class LineageWork {
        final String head;
        final OpenWork.Lineage lineage;
        final List<VisitRow> visits = new ArrayList<>();
        final Set<String> fresh = new LinkedHashSet<>();
        final List<InspectionEventBatch.EventPlan> plans = new ArrayList<>();
        final Map<String, Integer> criteria = new HashMap<>();
        final List<String> refs = new ArrayList<>();
        Lineages unitOf;

        LineageWork(String head, OpenWork.Lineage lineage) {
            this.head = head;
            this.lineage = lineage;
        }

        /** The batch's inspection dates of this lineage, oldest first: its rounds. */
        List<LocalDate> days() {
            return visits.stream().filter(v -> fresh.contains(key(v))).map(VisitRow::inspectedOn).distinct().sorted()
                    .toList();
        }

        Set<String> codes() {
            Set<String> codes = new TreeSet<>();
            lineage.units().keySet().forEach(k -> codes.add(Lineages.code(k)));
            return codes;
        }

        /** The lineage's index of a criterion: criteria a newer set continues share the older one's index. */
        Integer criterion(String set, Integer number, CriteriaMapping mapping) {
            if (number == null) {
                return null;
            }
            String ref = canonical(set, number, mapping);
            return criteria.computeIfAbsent(ref, r -> {
                refs.add(r);
                return refs.size() - 1;
            });
        }
    }

    static String key(VisitRow v) {
        return v.inspectionId() + "|" + v.communeCode();
    }

    /**
     * The criterion a finding on {@code set #number} is about, across sets: the oldest criterion it continues (the
     * catalog's {@code continues}, transitively), the lowest of several; itself when it continues nothing.
     */
    static String canonical(String set, int number, CriteriaMapping mapping) {
        if (set == null) {
            return "?#" + number;
        }
        String best = null;
        for (String ref : Settlement.matching(set, number, mapping)) {
            int hash = ref.lastIndexOf('#');
            if (Settlement.matching(ref.substring(0, hash), Integer.parseInt(ref.substring(hash + 1)), mapping)
                    .size() == 1 && (best == null || ref.compareTo(best) < 0)) {
                best = ref;
            }
        }
        return best == null ? CriteriaMapping.ref(set, number) : best;
    }

    // ------------------------------------------------------------------------------------------------ recording

    /**
     * Records each new event's inspection and visits, keeping the highest version of each inspection whatever the
     * order, and sets each plan's {@code current} to the inspection as recorded. One statement per kind of row.
     * Answers the visits this batch changed ({@code <inspection>|<commune>}): only they make a lineage's rounds, so a
     * redelivered or re-published event changes nothing.
     */
    Set<String> record(Connection c, List<InspectionEventBatch.EventPlan> plans, Instant now) throws SQLException {
        Set<String> changed = new LinkedHashSet<>();
        Map<UUID, InspectionEventBatch.EventPlan> highest = new LinkedHashMap<>();
        for (InspectionEventBatch.EventPlan p : plans) {
            highest.merge(p.inspectionId, p, (a, b) -> b.version > a.version ? b : a);
        }
        List<InspectionEventBatch.EventPlan> rows = new ArrayList<>(highest.values());
        try (PreparedStatement st = c.prepareStatement("insert into inspection_record (inspection_id, version,"
                + " inspected_on, payload, reason, corrected_by, recorded_at) select r.id, r.version, r.day,"
                + " r.payload::jsonb, r.reason, r.actor, ? from unnest(?::uuid[], ?::int4[], ?::date[], ?::text[],"
                + " ?::text[], ?::text[]) as r(id, version, day, payload, reason, actor)"
                + " on conflict (inspection_id) do update set version = excluded.version,"
                + " inspected_on = excluded.inspected_on, payload = excluded.payload, reason = excluded.reason,"
                + " corrected_by = excluded.corrected_by, recorded_at = excluded.recorded_at"
                + " where excluded.version > inspection_record.version")) {
            st.setTimestamp(1, Timestamp.from(now));
            st.setArray(2, c.createArrayOf("uuid", rows.stream().map(p -> p.inspectionId).toArray()));
            st.setArray(3, c.createArrayOf("int4", rows.stream().map(p -> p.version).toArray()));
            st.setArray(4, c.createArrayOf("date", rows.stream().map(p -> p.event.inspectedOn()).toArray()));
            st.setArray(5, c.createArrayOf("text", rows.stream().map(p -> write(p.event)).toArray()));
            st.setArray(6, c.createArrayOf("text", rows.stream().map(p -> p.reason).toArray()));
            st.setArray(7, c.createArrayOf("text", rows.stream().map(p -> p.correctedBy).toArray()));
            st.executeUpdate();
        }
        Map<UUID, Stored> stored = load(c, highest.keySet());
        for (InspectionEventBatch.EventPlan p : plans) {
            Stored s = stored.get(p.inspectionId);
            p.current = s.version() == p.version ? p.event : s.event();
            p.currentVersion = s.version();
        }
        List<Object[]> visits = new ArrayList<>();
        for (InspectionEventBatch.EventPlan p : rows) {
            if (p.currentVersion != p.version) {
                continue; // a higher version was recorded before: its visits stand
            }
            for (InspectionFinalized.Commune commune : InspectionEventBatch.list(p.event.communes())) {
                if (commune == null || commune.code() == null) {
                    continue;
                }
                Map<String, Map<String, Object>> findings = new TreeMap<>();
                for (InspectionFinalized.Finding f : InspectionEventBatch.list(commune.findings())) {
                    if (f != null && f.result() != null) {
                        Map<String, Object> one = new LinkedHashMap<>();
                        one.put("result", f.result());
                        one.put("deadline", f.deadline() == null ? null : f.deadline().toString());
                        findings.put(String.valueOf(f.criterion()), one);
                    }
                }
                LocalDate asOf = commune.registerDate() != null ? commune.registerDate() : p.event.unitsAsOf();
                visits.add(new Object[] {p.inspectionId, commune.code(), p.version, p.event.inspectedOn(), asOf,
                        commune.criteriaSet(), commune.targetYear() == 0 ? null : commune.targetYear(),
                        commune.statedMet() == null ? 0 : commune.statedMet(), write(findings),
                        commune.targetTier()});
            }
            if (p.version > 1) {
                // a correction that no longer names a commune: the earlier version's findings about it say nothing
                try (PreparedStatement st = c.prepareStatement("update inspection_visit set version = ?,"
                        + " findings = '{}'::jsonb, stated_met = 0, recorded_at = ? where inspection_id = ?"
                        + " and version < ? and not (commune_code = any(?)) returning commune_code")) {
                    st.setInt(1, p.version);
                    st.setTimestamp(2, Timestamp.from(now));
                    st.setObject(3, p.inspectionId);
                    st.setInt(4, p.version);
                    st.setArray(5, c.createArrayOf("text", InspectionEventBatch.list(p.event.communes()).stream()
                            .filter(x -> x != null && x.code() != null).map(InspectionFinalized.Commune::code)
                            .toArray()));
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            changed.add(p.inspectionId + "|" + rs.getString(1));
                        }
                    }
                }
            }
        }
        if (visits.isEmpty()) {
            recordResults(c, changed);
            return changed;
        }
        String[] types = {"uuid", "text", "int4", "date", "date", "text", "int4", "int4", "text", "text"};
        try (PreparedStatement st = c.prepareStatement("insert into inspection_visit (inspection_id, commune_code,"
                + " version, inspected_on, units_as_of, criteria_set, target_year, stated_met, findings, target_tier,"
                + " recorded_at)"
                + " select v.id, v.code, v.version, v.day, v.as_of, v.set, v.year, v.stated, v.findings::jsonb,"
                + " v.tier, ?"
                + " from unnest(?::uuid[], ?::text[], ?::int4[], ?::date[], ?::date[], ?::text[], ?::int4[],"
                + " ?::int4[], ?::text[], ?::text[]) as v(id, code, version, day, as_of, set, year, stated, findings,"
                + " tier)"
                + " on conflict (inspection_id, commune_code) do update set version = excluded.version,"
                + " inspected_on = excluded.inspected_on, units_as_of = excluded.units_as_of,"
                + " criteria_set = excluded.criteria_set, target_year = excluded.target_year,"
                + " stated_met = excluded.stated_met, findings = excluded.findings,"
                + " target_tier = excluded.target_tier, recorded_at = excluded.recorded_at"
                + " where excluded.version > inspection_visit.version returning inspection_id, commune_code")) {
            st.setTimestamp(1, Timestamp.from(now));
            for (int k = 0; k < types.length; k++) {
                int column = k;
                st.setArray(k + 2, c.createArrayOf(types[k], visits.stream().map(r -> r[column]).toArray()));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    changed.add(rs.getObject(1, UUID.class) + "|" + rs.getString(2));
                }
            }
        }
        recordResults(c, changed);
        return changed;
    }

    /**
     * The dashboards' read model ({@code visit_result}, V31): the assessed results of each visit this batch changed,
     * replaced as the visit was. Two statements per batch, whatever its size.
     */
    private static void recordResults(Connection c, Set<String> changed) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        Object[] ids = changed.stream().map(k -> UUID.fromString(k.substring(0, k.indexOf('|')))).toArray();
        Object[] codes = changed.stream().map(k -> k.substring(k.indexOf('|') + 1)).toArray();
        try (PreparedStatement st = c.prepareStatement("delete from visit_result r using unnest(?::uuid[], ?::text[])"
                + " as k(id, code) where r.inspection_id = k.id and r.commune_code = k.code")) {
            st.setArray(1, c.createArrayOf("uuid", ids));
            st.setArray(2, c.createArrayOf("text", codes));
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("insert into visit_result (inspection_id, commune_code,"
                + " criterion, criteria_set, units_as_of, inspected_on, result) select v.inspection_id, v.commune_code,"
                + " f.key::int, v.criteria_set, v.units_as_of, v.inspected_on, f.value ->> 'result'"
                + " from unnest(?::uuid[], ?::text[]) as k(id, code) join inspection_visit v"
                + " on v.inspection_id = k.id and v.commune_code = k.code, jsonb_each(v.findings) f"
                + " where v.criteria_set is not null and f.key ~ '^[0-9]{1,4}$'"
                + " and f.value ->> 'result' in ('MET', 'NOT_MET')")) {
            st.setArray(1, c.createArrayOf("uuid", ids));
            st.setArray(2, c.createArrayOf("text", codes));
            st.executeUpdate();
        }
    }

    /** An inspection as recorded. */
    record Stored(int version, InspectionFinalized event, String reason, String correctedBy) {
    }

    Map<UUID, Stored> load(Connection c, Set<UUID> ids) throws SQLException {
        Map<UUID, Stored> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement st = c.prepareStatement("select inspection_id, version, payload::text, reason,"
                + " corrected_by from inspection_record where inspection_id = any(?)")) {
            st.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), new Stored(rs.getInt(2),
                            read(rs.getString(3), InspectionFinalized.class), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------- lineages

    /**
     * The lineages of the batch's communes (from the register copy's successions), locked in one order so that two
     * batches never plan the same lineage at once and never wait on each other in a circle; with their visits.
     */
    List<LineageWork> lineages(Connection c, List<InspectionEventBatch.EventPlan> plans, Set<String> changed)
            throws SQLException {
        Set<String> codes = new TreeSet<>();
        for (InspectionEventBatch.EventPlan p : plans) {
            for (InspectionFinalized.Commune commune : InspectionEventBatch.list(p.current.communes())) {
                if (commune != null && commune.code() != null) {
                    codes.add(commune.code());
                }
            }
        }
        if (codes.isEmpty()) {
            return List.of();
        }
        Lineages register = new Lineages(edges(c, codes));
        Map<String, LineageWork> byHead = new TreeMap<>();
        for (InspectionEventBatch.EventPlan p : plans) {
            for (InspectionFinalized.Commune commune : InspectionEventBatch.list(p.current.communes())) {
                if (commune == null || commune.code() == null) {
                    continue;
                }
                LocalDate asOf = commune.registerDate() != null ? commune.registerDate() : p.current.unitsAsOf();
                String head = register.head(commune.code(), asOf);
                LineageWork work = byHead.computeIfAbsent(head, h -> new LineageWork(h, register.lineage(h)));
                if (!work.plans.contains(p)) {
                    work.plans.add(p);
                }
                if (changed.contains(p.inspectionId + "|" + commune.code())) {
                    work.fresh.add(p.inspectionId + "|" + commune.code());
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement("select count(pg_advisory_xact_lock(?, l.k)) from"
                + " (select distinct hashtext(h) as k from unnest(?::text[]) as h order by 1) l")) {
            st.setInt(1, LOCK_NAMESPACE);
            st.setArray(2, c.createArrayOf("text", byHead.keySet().toArray()));
            st.executeQuery().close();
        }
        Set<String> all = new TreeSet<>();
        byHead.values().forEach(w -> all.addAll(w.codes()));
        try (PreparedStatement st = c.prepareStatement("select inspection_id, commune_code, version, inspected_on,"
                + " units_as_of, criteria_set, target_year, stated_met, findings::text from inspection_visit"
                + " where commune_code = any(?) order by inspected_on, inspection_id, commune_code")) {
            st.setArray(1, c.createArrayOf("text", all.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    VisitRow v = new VisitRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6),
                            (Integer) rs.getObject(7), rs.getInt(8), findings(rs.getString(9)));
                    String unit = register.unitKey(v.communeCode(), v.unitsAsOf());
                    for (LineageWork w : byHead.values()) {
                        if (w.lineage.units().containsKey(unit)) {
                            w.visits.add(v);
                        }
                    }
                }
            }
        }
        byHead.values().forEach(w -> w.unitOf = register);
        return new ArrayList<>(byHead.values());
    }

    /** The commune successions connected to these codes, both ways, transitively. */
    private static List<Lineages.Edge> edges(Connection c, Set<String> codes) throws SQLException {
        List<Lineages.Edge> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("with recursive linked (code, depth) as ("
                + " select x, 0 from unnest(?::text[]) as x"
                + " union select case when s.from_code = l.code then s.to_code else s.from_code end, l.depth + 1"
                + " from admin_unit_succession s join linked l on s.from_code = l.code or s.to_code = l.code"
                + " where s.from_level = 'commune' and l.depth < 6)"
                + " select distinct s.from_code, s.to_code, s.effective_on from admin_unit_succession s"
                + " where s.from_level = 'commune' and (s.from_code in (select code from linked)"
                + " or s.to_code in (select code from linked))")) {
            st.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Lineages.Edge(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ reconcile

    /** The rules of the loop's kinds of work, as {@link OpenWork} reads them. */
    static List<OpenWork.Rule> loopRules(List<TaskRule> table) {
        List<OpenWork.Rule> out = new ArrayList<>();
        table.stream().filter(TaskRule::enabled)
                .sorted(Comparator.comparingInt(TaskRule::position).thenComparing(TaskRule::code)).forEach(r -> {
                    OpenWork.Trigger trigger = switch (r.trigger()) {
                        case NOT_MET_CRITERION -> OpenWork.Trigger.NOT_MET_CRITERION;
                        case COMMUNE_WITH_MET -> OpenWork.Trigger.KEEP_MET;
                        case COMMUNE_TARGET_YEAR -> OpenWork.Trigger.TARGET_YEAR_DOSSIER;
                        default -> null;
                    };
                    if (trigger != null) {
                        out.add(new OpenWork.Rule(r.code(), trigger, r.validFrom(), r.validTo()));
                    }
                });
        return out;
    }

    /** Whether a rule's work is the work of one inspection (coordination, recommendations), not of a lineage. */
    static boolean ofOneInspection(TaskRule rule) {
        return rule.trigger() == RuleTrigger.INSPECTION || rule.trigger() == RuleTrigger.RECOMMENDATION;
    }

    /** Everything a round needs that does not change between rounds. */
    record Context(List<TaskRule> table, List<OpenWork.Rule> rules, CatalogCopyService.Catalog catalog,
                   Map<UUID, Stored> records) {
    }

    /**
     * Round {@code day} of {@code lineages}: each sees the visits recorded before the batch and the batch's visits
     * of that day and earlier, and its tasks as the rounds before left them; the steps go into {@code writes}.
     */
    void reconcile(Connection c, List<LineageWork> lineages, Map<LineageWork, LocalDate> day, Context ctx,
                   BatchWrites writes) throws SQLException {
        if (lineages.isEmpty()) {
            return;
        }
        Set<String> codes = new TreeSet<>();
        lineages.forEach(w -> codes.addAll(w.codes()));
        List<TaskRow> tasks = tasks(c, codes);
        Set<UUID> needed = new LinkedHashSet<>();
        lineages.forEach(w -> w.visits.forEach(v -> needed.add(v.inspectionId())));
        needed.removeAll(ctx.records().keySet());
        ctx.records().putAll(load(c, needed));
        CriteriaMapping mapping = ctx.catalog().mapping();
        for (LineageWork w : lineages) {
            LocalDate until = day.get(w);
            List<VisitRow> visible = w.visits.stream()
                    .filter(v -> !w.fresh.contains(key(v)) || !v.inspectedOn().isAfter(until)).toList();
            List<OpenWork.Visit> visits = new ArrayList<>();
            Map<UUID, VisitRow> rowOf = new HashMap<>();
            for (VisitRow v : visible) {
                Map<Integer, OpenWork.Finding> findings = new TreeMap<>();
                v.findings().forEach((number, f) -> findings.merge(w.criterion(v.criteriaSet(), number, mapping), f,
                        (a, b) -> OpenWork.NOT_MET.equals(a.result()) ? a : b));
                visits.add(new OpenWork.Visit(v.inspectionId(), v.version(), v.inspectedOn(),
                        w.unitOf.unitKey(v.communeCode(), v.unitsAsOf()), v.targetYear(), findings, v.statedMet()));
                rowOf.putIfAbsent(v.inspectionId(), v);
            }
            OpenWork.Decision decision = OpenWork.desired(w.lineage, visits, ctx.rules());
            Map<UUID, TaskRow> mine = new LinkedHashMap<>();
            List<OpenWork.Existing> existing = new ArrayList<>();
            for (TaskRow t : tasks) {
                LocalDate asOf = t.sourceAsOf() != null ? t.sourceAsOf() : t.basis();
                if (!w.lineage.units().containsKey(w.unitOf.unitKey(t.communeCode(), asOf))) {
                    continue;
                }
                Integer criterion = w.criterion(t.criteriaSet(), t.criterion(), mapping);
                mine.put(t.id(), t);
                existing.add(new OpenWork.Existing(t.id(), OpenWork.Work.key(w.head, criterion, t.ruleCode()),
                        criterion, t.basis(), t.dueDate(), t.cites(), ACTIVE.contains(t.status())
                        ? OpenWork.Closed.ACTIVE : t.loopClosed() ? OpenWork.Closed.BY_LOOP : OpenWork.Closed.BY_PERSON,
                        t.share()));
            }
            OpenWork.Plan plan = OpenWork.reconcile(decision, existing);
            Steps steps = new Steps(w, visible, rowOf, ctx, writes);
            for (OpenWork.Create create : plan.created()) {
                steps.create(create.work());
            }
            for (OpenWork.Continue next : plan.continued()) {
                steps.renew(mine.get(next.task().id()), next.work());
            }
            for (OpenWork.Close close : plan.closed()) {
                steps.close(mine.get(close.task().id()), close.reason(), decision);
            }
            if (!plan.closed().isEmpty() || !plan.created().isEmpty()) {
                Log.debugf("lineage %s on %s: %d created, %d continued, %d closed", w.head, until,
                        plan.created().size(), plan.continued().size(), plan.closed().size());
            }
        }
    }

    /** The steps of one lineage's round, written into the round's {@link BatchWrites}. */
    private final class Steps {
        private final LineageWork w;
        private final List<VisitRow> visible;
        private final Map<UUID, VisitRow> rowOf;
        private final Context ctx;
        private final BatchWrites writes;

        Steps(LineageWork w, List<VisitRow> visible, Map<UUID, VisitRow> rowOf, Context ctx, BatchWrites writes) {
            this.w = w;
            this.visible = visible;
            this.rowOf = rowOf;
            this.ctx = ctx;
            this.writes = writes;
        }

        /** New work: the rules' tasks of that kind as the first inspection it cites (by id) asks for them. */
        void create(OpenWork.Work work) {
            CriteriaMapping mapping = ctx.catalog().mapping();
            for (UUID cite : new TreeSet<>(work.cites())) {
                Stored stored = ctx.records().get(cite);
                if (stored == null) {
                    continue;
                }
                InspectionFinalized event = stored.event();
                List<PlannedTask> planned = new ArrayList<>();
                List<TaskRule> rule = ctx.table().stream().filter(r -> r.code().equals(work.ruleCode())).toList();
                for (PlannedTask p : TaskRules.plan(event, rule, ctx.catalog().criterionRoles())) {
                    if (p.communeCode() == null || !citedCommune(cite, p.communeCode())) {
                        continue;
                    }
                    Integer criterion = p.criterion() == null ? null
                            : w.criterion(criteriaSet(event, p.communeCode()), p.criterion(), mapping);
                    if (java.util.Objects.equals(criterion, work.criterion())) {
                        planned.add(withDue(p, work.dueDate()));
                    }
                }
                if (planned.isEmpty()) {
                    continue;
                }
                InspectionEventBatch.EventPlan owner = owner(cite);
                InspectionEventBatch.EventPlan source = owner.inspectionId.equals(cite) ? owner
                        : owner.derived(event, cite);
                Set<UUID> others = new TreeSet<>(work.cites());
                others.remove(cite);
                for (PlannedTask p : planned) {
                    writes.add(source, p, work.basis(), others);
                }
                return;
            }
        }

        private boolean citedCommune(UUID inspection, String code) {
            for (VisitRow v : visible) {
                if (v.inspectionId().equals(inspection) && v.communeCode().equals(code)) {
                    return true;
                }
            }
            return false;
        }

        /** The batch's plan work is credited to: the cited inspection's own, else the first of the lineage. */
        private InspectionEventBatch.EventPlan owner(UUID inspection) {
            for (InspectionEventBatch.EventPlan p : w.plans) {
                if (p.inspectionId.equals(inspection)) {
                    return p;
                }
            }
            return w.plans.get(0);
        }

        /** The task goes on: the inspections it now answers are linked, its due date and basis follow the work. */
        void renew(TaskRow t, OpenWork.Work work) {
            Set<UUID> fresh = new TreeSet<>(work.cites());
            fresh.removeAll(t.cites());
            boolean newDate = !t.dueDate().equals(work.dueDate());
            if (fresh.isEmpty() && !newDate && t.basis().equals(work.basis())) {
                return;
            }
            UUID latest = work.cites().stream().max(Comparator.comparing(UUID::toString)).orElse(null);
            VisitRow v = latest == null ? null : rowOf.get(latest);
            InspectionFinalized event = latest == null || ctx.records().get(latest) == null ? null
                    : ctx.records().get(latest).event();
            String note;
            if (event == null) {
                note = null;
            } else if (t.criterion() != null) {
                note = (newDate ? LocalizedText.of("task.settle.linkedNewDate", event.inspectedOn(),
                        describe(event), t.criterion(), name(event, t.criterion()), latest, work.dueDate(),
                        t.dueDate()) : LocalizedText.of("task.settle.linked", event.inspectedOn(), describe(event),
                        t.criterion(), name(event, t.criterion()), latest)).in(Messages.VIETNAMESE);
            } else {
                note = LocalizedText.of("task.loop.renewed", event.inspectedOn(), describe(event), latest,
                        work.dueDate()).in(Messages.VIETNAMESE);
            }
            writes.renew(t.id(), fresh, latest, work.dueDate(), newDate, work.basis(), t.status(), note,
                    ACTOR_PREFIX + (latest == null ? "" : latest), owner(v == null ? null : v.inspectionId()));
        }

        /** The task is no longer asked for: done when a finding settled it, cancelled otherwise, with the reason. */
        void close(TaskRow t, OpenWork.CloseReason reason, OpenWork.Decision decision) {
            CriteriaMapping mapping = ctx.catalog().mapping();
            Integer criterion = w.criterion(t.criteriaSet(), t.criterion(), mapping);
            VisitRow by = null;
            for (VisitRow v : visible) {
                boolean counts = criterion == null || v.findings().entrySet().stream().anyMatch(e ->
                        OpenWork.MET.equals(e.getValue().result())
                                && criterion.equals(w.criterion(v.criteriaSet(), e.getKey(), mapping)));
                if (counts && (by == null || v.inspectedOn().isAfter(by.inspectedOn())
                        || v.inspectedOn().equals(by.inspectedOn())
                        && v.inspectionId().toString().compareTo(by.inspectionId().toString()) < 0)) {
                    by = v;
                }
            }
            Stored stored = by == null ? null : ctx.records().get(by.inspectionId());
            InspectionFinalized event = stored == null ? null : stored.event();
            String actor = ACTOR_PREFIX + (by == null ? "" : by.inspectionId());
            TaskStatus to;
            String text;
            // the inspection the work answers now says met: a correction of it, so the work was never needed
            boolean ownCorrected = by != null && t.cites().contains(by.inspectionId()) && stored.version() > 1;
            if (reason == OpenWork.CloseReason.SETTLED && event != null && !ownCorrected) {
                to = TaskStatus.DONE;
                text = t.criterion() != null
                        ? LocalizedText.of("task.settle.done", event.inspectedOn(), describe(event), t.criterion(),
                                name(event, t.criterion()), by.communeCode(), by.inspectionId()).in(Messages.VIETNAMESE)
                        : LocalizedText.of("task.loop.settled", event.inspectedOn(), describe(event),
                                by.inspectionId()).in(Messages.VIETNAMESE);
            } else {
                to = TaskStatus.CANCELLED;
                UUID correctionOf = ownCorrected ? by.inspectionId() : w.plans.stream()
                        .filter(p -> p.currentVersion > 1 && t.cites().contains(p.inspectionId))
                        .map(p -> p.inspectionId).findFirst().orElse(null);
                Stored corrected = correctionOf == null ? null : ctx.records().get(correctionOf);
                if (corrected != null && corrected.version() > 1) {
                    actor = ACTOR_PREFIX + correctionOf;
                    text = LocalizedText.of("task.loop.cancelledByCorrection", correctionOf,
                            corrected.version(), String.valueOf(corrected.correctedBy()),
                            String.valueOf(corrected.reason())).in(Messages.VIETNAMESE);
                } else {
                    text = LocalizedText.of("task.loop.cancelled").in(Messages.VIETNAMESE);
                }
            }
            writes.close(new TaskJournal.Snapshot(t.id(), t.inspectionId(), t.latestInspectionId(), t.provinceCode(),
                    t.communeCode(), t.sourceAsOf(),
                    t.criterion(), t.assignee(), t.assigneeAsOf(), t.title(), t.dueDate(), to.name(), false,
                    t.version() + 1), t.status(), text, actor, w.plans.get(0));
        }
    }

    private static PlannedTask withDue(PlannedTask p, LocalDate due) {
        return new PlannedTask(p.ruleCode(), p.sourceRef(), p.communeCode(), p.communeName(), p.criterion(),
                p.criterionName(), p.assignee(), p.title(), p.description(), due, p.cooperating());
    }

    static String criteriaSet(InspectionFinalized e, String communeCode) {
        for (InspectionFinalized.Commune commune : InspectionEventBatch.list(e.communes())) {
            if (commune != null && communeCode.equals(commune.code())) {
                return commune.criteriaSet();
            }
        }
        return null;
    }

    /** The lineage work of these communes, locked (the lineage lock is held: this only guards against people). */
    private static List<TaskRow> tasks(Connection c, Set<String> codes) throws SQLException {
        List<TaskRow> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select id, inspection_id, commune_code, criteria_set,"
                + " criterion, rule_code, assignee_type, assignee_code, assignee_name, original_assignee_type,"
                + " original_assignee_code, title, due_date, status, version, source_as_of, assignee_as_of,"
                + " work_basis, loop_closed, array(select ti.inspection_id from task_inspection ti"
                + " where ti.task_id = task.id), latest_inspection_id, province_code from task where commune_code = any(?) and work_basis is not null"
                + " order by id for update")) {
            st.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Set<UUID> cites = new TreeSet<>();
                    cites.add(rs.getObject("inspection_id", UUID.class));
                    for (Object o : (Object[]) rs.getArray(20).getArray()) {
                        cites.add((UUID) o);
                    }
                    String shareType = rs.getString("original_assignee_type");
                    String share = shareType != null ? shareType + ":" + rs.getString("original_assignee_code")
                            : rs.getString("assignee_type") + ":" + rs.getString("assignee_code");
                    out.add(new TaskRow(rs.getObject("id", UUID.class), rs.getObject("inspection_id", UUID.class),
                            rs.getString("commune_code"), rs.getString("criteria_set"),
                            (Integer) rs.getObject("criterion"), rs.getString("rule_code"),
                            new OrganisationRef(rs.getString("assignee_type"), rs.getString("assignee_code"),
                                    rs.getString("assignee_name")), share, rs.getString("title"),
                            rs.getObject("due_date", LocalDate.class), rs.getString("status"), rs.getLong("version"),
                            rs.getObject("source_as_of", LocalDate.class),
                            rs.getObject("assignee_as_of", LocalDate.class),
                            rs.getObject("work_basis", LocalDate.class), rs.getBoolean("loop_closed"), cites,
                            rs.getObject("latest_inspection_id", UUID.class), rs.getString("province_code")));
                }
            }
        }
        return out;
    }

    private static String describe(InspectionFinalized event) {
        return event.title() == null || event.title().isBlank() ? "" : " (" + event.title().strip() + ")";
    }

    private static String name(InspectionFinalized event, int criterion) {
        for (InspectionFinalized.Commune commune : InspectionEventBatch.list(event.communes())) {
            for (InspectionFinalized.Finding f : InspectionEventBatch.list(commune == null ? null : commune.findings())) {
                if (f != null && f.criterion() == criterion && f.criterionName() != null
                        && !f.criterionName().isBlank()) {
                    return " (" + f.criterionName() + ")";
                }
            }
        }
        return "";
    }

    private Map<Integer, OpenWork.Finding> findings(String text) {
        Map<Integer, OpenWork.Finding> out = new TreeMap<>();
        JsonNode node = read(text, JsonNode.class);
        node.fields().forEachRemaining(e -> {
            JsonNode deadline = e.getValue().get("deadline");
            out.put(Integer.parseInt(e.getKey()), new OpenWork.Finding(e.getValue().get("result").asText(),
                    deadline == null || deadline.isNull() ? null : LocalDate.parse(deadline.asText())));
        });
        return out;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored inspection: " + e.getOriginalMessage(), e);
        }
    }
}
