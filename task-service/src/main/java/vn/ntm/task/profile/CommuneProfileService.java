package vn.ntm.task.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.platform.http.ProblemKind;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.http.ServiceException.FieldError;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.i18n.Messages;
import vn.ntm.task.intake.Lineages;
import vn.ntm.task.intake.OpenWork;
import vn.ntm.task.shared.Caller;
import vn.ntm.task.shared.Labels;
import vn.ntm.task.shared.Task;
import vn.ntm.task.shared.TaskClock;
import vn.ntm.task.shared.TaskStatus;
import vn.ntm.task.shared.TaskVisibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Builds a commune's profile (README "Commune profile") in a few statements: the lineage's successions and units,
 * the provinces the caller reads, the lineage's visits with their inspections, the catalog's criteria of the latest
 * visit's set, and the lineage's open tasks the caller may see. A code the register does not know on {@code at}, or
 * a commune of a province the caller may not read, is 404 alike (nothing tells the two apart).
 */
@ApplicationScoped
public class CommuneProfileService {
    /** Statuses of work still to be done or checked (the succession's and the loop's "active"). */
    static final List<TaskStatus> OPEN = List.of(TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.REPORTED,
            TaskStatus.RETURNED);
    private static final int MAX_OPEN_WORK = 500;
    /** What a unit code may look like (official codes are digits); anything else is a code no register holds. */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[0-9A-Za-z_-]{1,16}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource dataSource;
    private final EntityManager em;
    private final TaskClock clock;

    public CommuneProfileService(AgroalDataSource dataSource, EntityManager em, TaskClock clock) {
        this.dataSource = dataSource;
        this.em = em;
        this.clock = clock;
    }

    /** A unit version of the register copy. */
    record Unit(String code, LocalDate validFrom, LocalDate validTo, String name, String type, String parentCode,
                String provinceCode) {
        boolean validOn(LocalDate day) {
            return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
        }
    }

    /** A succession of communes with its legal basis. */
    record Edge(String from, String to, LocalDate effectiveOn, String legalBasis) {
    }

    /** A visit as read, with what its inspection's payload says beyond the findings. */
    record VisitRow(LatestResults.Visit visit, int version, LocalDate unitsAsOf, String title,
                    OrganisationRef leadAgency, String communeName, String targetTier,
                    Map<Integer, String> criterionNames) {
    }

    @Transactional
    public CommuneProfile profile(String code, LocalDate requested, Caller caller, Locale language) {
        LocalDate today = clock.today();
        LocalDate at = requested == null ? today : requested;
        if (code == null || !CODE.matcher(code).matches()) {
            throw unknown(code, at);
        }
        try (Connection c = dataSource.getConnection()) {
            List<Edge> edges = edges(c, code);
            Set<String> codes = new TreeSet<>();
            codes.add(code);
            edges.forEach(e -> {
                codes.add(e.from());
                codes.add(e.to());
            });
            Map<String, List<Unit>> units = units(c, codes);
            Unit self = units.getOrDefault(code, List.of()).stream().filter(u -> u.validOn(at)).findFirst()
                    .orElse(null);
            if (self == null) {
                LocalDate start = registerStart(c);
                if (start != null && at.isBefore(start)) {
                    throw ServiceException.badRequest(LocalizedText.of("task.profile.beforeRegister", at, start),
                            List.of(FieldError.of("at", "task.profile.atBeforeRegister", start)));
                }
                throw unknown(code, at);
            }
            Lineages register = new Lineages(edges.stream()
                    .map(e -> new Lineages.Edge(e.from(), e.to(), e.effectiveOn())).toList());
            String selfKey = register.unitKey(code, at);
            OpenWork.Lineage lineage = register.lineage(selfKey);
            List<CommuneProfile.LineageUnit> predecessors = predecessors(lineage, selfKey, edges, units);
            List<Unit> successorUnits = new ArrayList<>();
            List<CommuneProfile.LineageUnit> successors = successors(self, edges, units, successorUnits);
            if (!caller.has(Caller.ADMIN)) {
                Set<String> readable = provinces(c, caller);
                boolean visible = readable.contains(self.provinceCode())
                        || successorUnits.stream().anyMatch(u -> readable.contains(u.provinceCode()));
                if (!visible) {
                    throw unknown(code, at);
                }
            }

            Set<String> lineageCodes = new TreeSet<>();
            lineage.units().keySet().forEach(k -> lineageCodes.add(Lineages.code(k)));
            List<VisitRow> visits = new ArrayList<>();
            for (VisitRow v : visits(c, lineageCodes, at)) {
                if (lineage.units().containsKey(register.unitKey(v.visit().communeCode(), v.unitsAsOf()))) {
                    visits.add(v);
                }
            }
            visits.sort(Comparator.comparing(VisitRow::visit, LatestResults.ORDER));
            VisitRow last = visits.isEmpty() ? null : visits.get(visits.size() - 1);
            String set = last == null ? null : last.visit().criteriaSet();
            Catalog catalog = set == null ? new Catalog(null, new LinkedHashMap<>()) : catalog(c, set);

            List<LatestResults.Latest> latest = LatestResults.of(visits.stream().map(VisitRow::visit).toList(),
                    catalog.criteria().keySet());
            Map<Integer, String> names = new HashMap<>();
            // a criterion's number names another criterion in another set (2016-2020 #11 is not 2021-2025 #11)
            visits.stream().filter(v -> java.util.Objects.equals(v.visit().criteriaSet(), set))
                    .forEach(v -> names.putAll(v.criterionNames()));
            names.putAll(catalog.criteria());
            List<CommuneProfile.CriterionResult> criteria = latest.stream().map(l -> new CommuneProfile.CriterionResult(
                    set, l.criterion(), names.get(l.criterion()), l.result(), label("task.profile.result." + l.result(),
                    language), l.note(), l.inspectionId(), l.inspectedOn(), l.communeCode())).toList();
            int met = (int) latest.stream().filter(l -> LatestResults.MET.equals(l.result())).count();
            String reached = !latest.isEmpty() && met == latest.size() ? catalog.tier() : null;
            String targeted = last == null ? null : last.targetTier();
            CommuneProfile.Tier tier = new CommuneProfile.Tier(reached, tierLabel(reached, language), targeted,
                    tierLabel(targeted, language), set, met, latest.size());

            List<CommuneProfile.InspectionEntry> inspections = visits.stream().map(v -> entry(v, register, selfKey))
                    .toList();
            List<CommuneProfile.OpenTask> openWork = openWork(lineageCodes, lineage, register, caller, today,
                    language);
            return new CommuneProfile(at, new CommuneProfile.Commune(self.code(), self.name(), self.type(),
                    self.provinceCode(), districtOf(self), self.validFrom(), self.validTo()),
                    new CommuneProfile.Lineage(predecessors, successors), criteria, tier, openWork, inspections);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the commune profile of " + code, e);
        }
    }

    private static ServiceException unknown(String code, LocalDate at) {
        return new ServiceException(ProblemKind.NOT_FOUND, 404, LocalizedText.of("task.profile.unknownCommune",
                String.valueOf(code), at), List.of(FieldError.of("code", "task.profile.codeUnknownOn", at)));
    }

    /** Before 2025-07-01 a commune's parent is its district; since, its province. */
    private static String districtOf(Unit unit) {
        return unit.parentCode() == null || unit.parentCode().equals(unit.provinceCode()) ? null : unit.parentCode();
    }

    private static String label(String key, Locale language) {
        return Messages.pattern(key, Messages.VIETNAMESE) == null ? null : LocalizedText.of(key).in(language);
    }

    private static String tierLabel(String tier, Locale language) {
        return tier == null ? null : label("task.profile.tier." + tier, language);
    }

    // --------------------------------------------------------------------------------------------------- lineage

    /** The commune successions connected to {@code code}, both ways, transitively (as the intake reads them). */
    private static List<Edge> edges(Connection c, String code) throws SQLException {
        List<Edge> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("with recursive linked (code, depth) as ("
                + " select ?::text, 0"
                + " union select case when s.from_code = l.code then s.to_code else s.from_code end, l.depth + 1"
                + " from admin_unit_succession s join linked l on s.from_code = l.code or s.to_code = l.code"
                + " where s.from_level = 'commune' and l.depth < 6)"
                + " select distinct s.from_code, s.to_code, s.effective_on, s.legal_basis from admin_unit_succession s"
                + " where s.from_level = 'commune' and (s.from_code in (select code from linked)"
                + " or s.to_code in (select code from linked))")) {
            st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Edge(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                            rs.getString(4)));
                }
            }
        }
        return out;
    }

    private static Map<String, List<Unit>> units(Connection c, Set<String> codes) throws SQLException {
        Map<String, List<Unit>> out = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("select code, valid_from, valid_to, name, type, parent_code,"
                + " province_code from admin_unit where level = 'commune' and code = any(?) order by code, valid_from")) {
            st.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Unit u = new Unit(rs.getString(1), rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7));
                    out.computeIfAbsent(u.code(), k -> new ArrayList<>()).add(u);
                }
            }
        }
        return out;
    }

    private static LocalDate registerStart(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select min(valid_from) from admin_unit");
             ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getObject(1, LocalDate.class) : null;
        }
    }

    private static Unit unitOn(Map<String, List<Unit>> units, String code, LocalDate day) {
        return units.getOrDefault(code, List.of()).stream().filter(u -> u.validOn(day)).findFirst().orElse(null);
    }

    /** Every unit the commune succeeded, transitively, nearest first, with the succession that links each. */
    private static List<CommuneProfile.LineageUnit> predecessors(OpenWork.Lineage lineage, String selfKey,
                                                                 List<Edge> edges, Map<String, List<Unit>> units) {
        List<CommuneProfile.LineageUnit> out = new ArrayList<>();
        List<String> todo = new ArrayList<>(List.of(selfKey));
        Set<String> seen = new LinkedHashSet<>(todo);
        for (int i = 0; i < todo.size(); i++) {
            OpenWork.Unit successor = lineage.units().get(todo.get(i));
            if (successor == null || successor.validFrom() == null) {
                continue;
            }
            for (String key : successor.predecessors()) {
                if (!seen.add(key)) {
                    continue;
                }
                todo.add(key);
                String from = Lineages.code(key);
                String to = Lineages.code(successor.key());
                LocalDate on = successor.validFrom();
                Unit unit = unitOn(units, from, on.minusDays(1));
                String basis = edges.stream().filter(e -> e.from().equals(from) && e.to().equals(to)
                        && e.effectiveOn().equals(on)).findFirst().map(Edge::legalBasis).orElse(null); // a succession may name no legal basis
                out.add(new CommuneProfile.LineageUnit(from, unit == null ? null : unit.name(),
                        unit == null ? null : unit.validFrom(), unit == null ? null : unit.validTo(), on, basis));
            }
        }
        return out;
    }

    /**
     * The units the commune went into, transitively, each with the succession from the unit before it; their
     * register versions are added to {@code found} (their provinces may read the commune).
     */
    private static List<CommuneProfile.LineageUnit> successors(Unit self, List<Edge> edges,
                                                               Map<String, List<Unit>> units, List<Unit> found) {
        List<CommuneProfile.LineageUnit> out = new ArrayList<>();
        List<Edge> todo = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        // the successions of this version of the code: after it began, at the latest the day after it ended
        edges.stream().filter(e -> e.from().equals(self.code()) && e.effectiveOn().isAfter(self.validFrom())
                        && (self.validTo() == null || !e.effectiveOn().isAfter(self.validTo().plusDays(1))))
                .sorted(Comparator.comparing(Edge::effectiveOn).thenComparing(Edge::to)).forEach(todo::add);
        for (int i = 0; i < todo.size() && i < 100; i++) {
            Edge e = todo.get(i);
            if (!seen.add(e.to() + "@" + e.effectiveOn())) {
                continue;
            }
            Unit unit = unitOn(units, e.to(), e.effectiveOn());
            if (unit != null) {
                found.add(unit);
            }
            out.add(new CommuneProfile.LineageUnit(e.to(), unit == null ? null : unit.name(),
                    unit == null ? null : unit.validFrom(), unit == null ? null : unit.validTo(), e.effectiveOn(),
                    e.legalBasis()));
            edges.stream().filter(n -> n.from().equals(e.to()) && n.effectiveOn().isAfter(e.effectiveOn()))
                    .sorted(Comparator.comparing(Edge::effectiveOn).thenComparing(Edge::to)).forEach(todo::add);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ who reads

    /**
     * The provinces whose communes the caller reads: its token's province (viewer, inspector), its organisations'
     * provinces (coordination office, department, a commune's or district's own), each with every province it
     * succeeded in the register copy, transitively (a successor province's officers read its predecessors').
     */
    private static Set<String> provinces(Connection c, Caller caller) throws SQLException {
        Set<String> own = new TreeSet<>();
        Set<String> unitCodes = new TreeSet<>();
        if ((caller.has(Caller.VIEWER) || caller.has(Caller.INSPECTOR)) && caller.province() != null) {
            own.add(caller.province());
        }
        if (caller.has(Caller.ORG)) {
            for (Caller.Organisation o : caller.orgs()) {
                switch (o.type()) {
                    case Caller.COORDINATION_OFFICE -> own.add(o.code());
                    case TaskVisibility.DEPARTMENT -> own.add(o.code().split(":", 2)[0]);
                    case "UBND_XA", TaskVisibility.DISTRICT -> unitCodes.add(o.code());
                    default -> {
                        // other organisations read no commune's profile
                    }
                }
            }
        }
        if (own.isEmpty() && unitCodes.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        try (PreparedStatement st = c.prepareStatement("with recursive p (code) as ("
                + " select x from unnest(?::text[]) as x"
                + " union select u.province_code from admin_unit u where u.code = any(?)"
                + " and u.level in ('commune', 'district')"
                + " union select s.from_code from admin_unit_succession s join p on s.to_code = p.code"
                + " where s.from_level = 'province')"
                + " select code from p")) {
            st.setArray(1, c.createArrayOf("text", own.toArray()));
            st.setArray(2, c.createArrayOf("text", unitCodes.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    // --------------------------------------------------------------------------------------------------- visits

    /**
     * The visits of these codes on or before {@code at}, with their inspection's title, lead agency, and the
     * commune's name, target tier, criterion names and notes from the recorded payload (the highest version).
     */
    private static List<VisitRow> visits(Connection c, Set<String> codes, LocalDate at) throws SQLException {
        List<VisitRow> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select v.inspection_id, v.commune_code, v.version,"
                + " v.inspected_on, v.units_as_of, v.criteria_set, v.findings::text, r.payload->>'title',"
                + " (r.payload->'leadAgency')::text, x.commune->>'name', x.commune->>'targetTier',"
                + " (x.commune->'findings')::text"
                + " from inspection_visit v left join inspection_record r on r.inspection_id = v.inspection_id"
                + " left join lateral (select e as commune from jsonb_array_elements(r.payload->'communes') e"
                + " where e->>'code' = v.commune_code limit 1) x on true"
                + " where v.commune_code = any(?) and v.inspected_on <= ?")) {
            st.setArray(1, c.createArrayOf("text", codes.toArray()));
            st.setObject(2, at);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    JsonNode results = read(rs.getString(7));
                    JsonNode payloadFindings = read(rs.getString(12));
                    Map<Integer, String> notes = new HashMap<>();
                    Map<Integer, String> names = new HashMap<>();
                    if (payloadFindings != null && payloadFindings.isArray()) {
                        for (JsonNode f : payloadFindings) {
                            int criterion = f.path("criterion").asInt();
                            text(f, "note").ifPresent(n -> notes.put(criterion, n));
                            text(f, "criterionName").ifPresent(n -> names.put(criterion, n));
                        }
                    }
                    Map<Integer, LatestResults.Finding> findings = new HashMap<>();
                    if (results != null) {
                        for (Iterator<Map.Entry<String, JsonNode>> it = results.fields(); it.hasNext(); ) {
                            Map.Entry<String, JsonNode> f = it.next();
                            int criterion = Integer.parseInt(f.getKey());
                            findings.put(criterion, new LatestResults.Finding(f.getValue().path("result").asText(null),
                                    notes.get(criterion)));
                        }
                    }
                    JsonNode lead = read(rs.getString(9));
                    OrganisationRef leadAgency = lead == null || lead.isNull() ? null : new OrganisationRef(
                            text(lead, "type").orElse(null), text(lead, "code").orElse(null),
                            text(lead, "name").orElse(null));
                    LatestResults.Visit visit = new LatestResults.Visit(rs.getObject(1, UUID.class), rs.getObject(4,
                            LocalDate.class), rs.getString(2), rs.getString(6), findings);
                    out.add(new VisitRow(visit, rs.getInt(3), rs.getObject(5, LocalDate.class), rs.getString(8),
                            leadAgency, rs.getString(10), rs.getString(11), names));
                }
            }
        }
        return out;
    }

    private static JsonNode read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? java.util.Optional.empty() : java.util.Optional.of(value.asText());
    }

    private static CommuneProfile.InspectionEntry entry(VisitRow v, Lineages register, String selfKey) {
        Map<Integer, LatestResults.Finding> findings = v.visit().findings();
        int met = (int) findings.values().stream().filter(f -> LatestResults.MET.equals(f.result())).count();
        int notMet = (int) findings.values().stream().filter(f -> LatestResults.NOT_MET.equals(f.result())).count();
        String unit = register.unitKey(v.visit().communeCode(), v.unitsAsOf());
        return new CommuneProfile.InspectionEntry(v.visit().inspectionId(), v.title(), v.visit().inspectedOn(),
                v.leadAgency(), v.visit().communeCode(), v.communeName(),
                unit.equals(selfKey) ? CommuneProfile.SELF : CommuneProfile.PREDECESSOR, v.visit().criteriaSet(),
                met, notMet, findings.size() - met - notMet, v.version());
    }

    /** The criteria of a set in the catalog copy (number → name, in order) and the tier it recognises. */
    record Catalog(String tier, Map<Integer, String> criteria) {
    }

    private static Catalog catalog(Connection c, String set) throws SQLException {
        String tier = null;
        Map<Integer, String> criteria = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("select s.tier, c.number, c.name from (select ?::text as code) k"
                + " left join catalog_set s on s.code = k.code left join catalog_criterion c on c.set_code = k.code"
                + " order by c.number")) {
            st.setString(1, set);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    tier = rs.getString(1);
                    int number = rs.getInt(2);
                    if (!rs.wasNull()) {
                        criteria.put(number, rs.getString(3));
                    }
                }
            }
        }
        return new Catalog(tier, criteria);
    }

    // ------------------------------------------------------------------------------------------------ open work

    /**
     * The active tasks about a unit of the lineage (a task's commune code read on its inspection's register date),
     * which the caller may see; whoever holds them now (the succession moves them to the successors).
     */
    private List<CommuneProfile.OpenTask> openWork(Set<String> codes, OpenWork.Lineage lineage, Lineages register,
                                                   Caller caller, LocalDate today, Locale language) {
        TaskVisibility.Scope scope = TaskVisibility.read(caller, today);
        TypedQuery<Task> query = em.createQuery("select t from Task t where t.communeCode in :profileCodes"
                + " and t.status in :profileStatuses and (" + scope.where() + ") order by t.dueDate, t.id", Task.class);
        query.setParameter("profileCodes", codes);
        query.setParameter("profileStatuses", OPEN);
        scope.params().forEach(query::setParameter);
        query.setMaxResults(MAX_OPEN_WORK);
        List<CommuneProfile.OpenTask> out = new ArrayList<>();
        for (Task t : query.getResultList()) {
            LocalDate asOf = t.sourceAsOf() != null ? t.sourceAsOf() : t.assigneeAsOf();
            if (asOf != null && !lineage.units().containsKey(register.unitKey(t.communeCode(), asOf))) {
                continue; // the code meant another unit then (06475: Xã Gia Lộc before 2025-07-01)
            }
            OrganisationRef assignee = t.assignee();
            out.add(new CommuneProfile.OpenTask(t.id(), t.title(), t.criterion(), t.status().name(),
                    Labels.status(t.status()).in(language), assignee.type(), assignee.code(), assignee.name(),
                    t.dueDate(), t.isOverdue(today), t.communeCode()));
        }
        return out;
    }
}
