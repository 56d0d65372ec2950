package vn.ntm.task.dashboard;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ntm.platform.http.ProblemKind;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.task.intake.Lineages;
import vn.ntm.task.shared.Caller;
import vn.ntm.task.shared.TaskClock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds a dashboard (README "Dashboards"): checks the unit, the day, the set and the caller, applies the register's
 * lineages to the day ({@link LineageRanges}) and reads the tables in a few statements over the read models of V31.
 * Read-only, without a JTA transaction.
 */
@ApplicationScoped
public class DashboardService {
    /** Districts were abolished on this day (Resolution 202/2025/QH15): district dashboards describe earlier days. */
    public static final LocalDate DISTRICTS_ABOLISHED = LocalDate.of(2025, 7, 1);
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final AgroalDataSource dataSource;
    private final TaskClock clock;

    public DashboardService(AgroalDataSource dataSource, TaskClock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Dashboard province(String code, LocalDate at, String criteriaSet, Caller caller) {
        return build("province", code, at, criteriaSet, caller);
    }

    public Dashboard district(String code, LocalDate at, String criteriaSet, Caller caller) {
        LocalDate day = at == null ? clock.today() : at;
        if (!day.isBefore(DISTRICTS_ABOLISHED)) {
            throw ServiceException.badRequest(LocalizedText.of("dashboard.districtAbolished"),
                    List.of(ServiceException.FieldError.of("at", "dashboard.at.districtAbolished")));
        }
        return build("district", code, day, criteriaSet, caller);
    }

    private Dashboard build(String level, String code, LocalDate at, String criteriaSet, Caller caller) {
        LocalDate day = at == null ? clock.today() : at;
        String parameter = "code";
        try (Connection c = dataSource.getConnection()) {
            UnitOnDay unit = unit(c, level, code, day);
            if (unit == null) {
                if (beforeRegister(c, day)) {
                    throw ServiceException.badRequest(LocalizedText.of("dashboard.beforeRegister"),
                            List.of(ServiceException.FieldError.of("at", "dashboard.at.beforeRegister")));
                }
                throw unknown(level, parameter);
            }
            if (!caller.has(Caller.ADMIN) && !provinces(c, caller).contains(unit.province())) {
                throw unknown(level, parameter); // another province's dashboard is not there for this caller
            }
            Map<String, String> communes = communes(c, level, code, day);
            List<LineageRanges.Member> members = LineageRanges.of(List.copyOf(communes.keySet()), day,
                    edges(c, communes.keySet()));
            Members m = new Members(c, members);
            String set = criteriaSet != null ? criteriaSet : defaultSet(c, m, day);
            // a set chosen from the visits is one communes were inspected under, even if the catalog copy lacks it
            if (set == null || criteriaSet != null && !setKnown(c, set)) {
                throw new ServiceException(ProblemKind.NOT_FOUND, 404, LocalizedText.of("dashboard.setUnknown"),
                        List.of(ServiceException.FieldError.of("criteriaSet", set == null
                                ? "dashboard.criteriaSet.none" : "dashboard.criteriaSet.unknown")));
            }
            Dashboard.Unit named = new Dashboard.Unit(code, unit.name());
            Results results = results(c, m, set, day, communes.size());
            return new Dashboard(level.equals("province") ? named : null, level.equals("district") ? named : null,
                    day, set, results.communes(), results.criteria(), work(c, m, day, communes),
                    inspections(c, m, day));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the dashboard of " + level + " " + code, e);
        }
    }

    private static ServiceException unknown(String level, String parameter) {
        return new ServiceException(ProblemKind.NOT_FOUND, 404, LocalizedText.of("dashboard." + level + "Unknown"),
                List.of(ServiceException.FieldError.of(parameter, "dashboard." + level + ".unknown")));
    }

    private record UnitOnDay(String name, String province) {
    }

    private static UnitOnDay unit(Connection c, String level, String code, LocalDate day) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select name, province_code from admin_unit where code = ?"
                + " and level = ? and valid_from <= ? and (valid_to is null or valid_to >= ?)")) {
            st.setString(1, code);
            st.setString(2, level);
            st.setObject(3, day);
            st.setObject(4, day);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? new UnitOnDay(rs.getString(1), rs.getString(2)) : null;
            }
        }
    }

    private static boolean beforeRegister(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select min(valid_from) from admin_unit");
             ResultSet rs = st.executeQuery()) {
            LocalDate first = rs.next() ? rs.getObject(1, LocalDate.class) : null;
            return first != null && day.isBefore(first);
        }
    }

    /**
     * The provinces whose dashboards the caller sees: its token's province, the provinces of its organisations
     * (coordination office, departments), and the provinces those succeeded (a merged province's earlier days).
     */
    private static Set<String> provinces(Connection c, Caller caller) throws SQLException {
        Set<String> own = new LinkedHashSet<>();
        if (caller.province() != null && (caller.has(Caller.VIEWER) || caller.has(Caller.INSPECTOR))) {
            own.add(caller.province());
        }
        if (caller.has(Caller.ORG)) {
            for (Caller.Organisation o : caller.orgs()) {
                if (o.type().equals(Caller.COORDINATION_OFFICE)) {
                    own.add(o.code());
                } else if (o.type().equals("SO_NGANH") && o.code().indexOf(':') > 0) {
                    own.add(o.code().substring(0, o.code().indexOf(':')));
                }
            }
        }
        if (own.isEmpty()) {
            return own;
        }
        try (PreparedStatement st = c.prepareStatement("select from_code from admin_unit_succession"
                + " where from_level = 'province' and to_code = any(?)")) {
            st.setArray(1, c.createArrayOf("text", own.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    own.add(rs.getString(1));
                }
            }
        }
        return own;
    }

    /** The commune-level units of the province or district valid on {@code day}, by code, with their names. */
    private static Map<String, String> communes(Connection c, String level, String code, LocalDate day)
            throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("select code, name from admin_unit where level = 'commune'"
                + " and " + (level.equals("province") ? "province_code" : "parent_code") + " = ?"
                + " and valid_from <= ? and (valid_to is null or valid_to >= ?) order by code")) {
            st.setString(1, code);
            st.setObject(2, day);
            st.setObject(3, day);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** The successions of communes that lead to these codes, transitively (with every succession into each code). */
    private static List<Lineages.Edge> edges(Connection c, Set<String> codes) throws SQLException {
        List<Lineages.Edge> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("with recursive e(from_code, to_code, effective_on) as ("
                + " select from_code, to_code, effective_on from admin_unit_succession"
                + " where from_level = 'commune' and to_code = any(?)"
                + " union select s.from_code, s.to_code, s.effective_on from admin_unit_succession s"
                + " join e on s.to_code = e.from_code where s.from_level = 'commune')"
                + " select from_code, to_code, effective_on from e")) {
            st.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Lineages.Edge(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)));
                }
            }
        }
        return out;
    }

    /** The lineage members as the statements' first four parameters and the CTE {@code m} that reads them. */
    private static final class Members {
        static final String CTE = "m as (select * from unnest(?::text[], ?::text[], ?::date[], ?::date[])"
                + " as m(head, code, from_d, to_d))";
        static final String RANGE_OF = " >= m.from_d and %s < m.to_d";
        final Object[] heads;
        final Object[] codes;
        final Object[] froms;
        final Object[] tos;
        final Connection c;

        Members(Connection c, List<LineageRanges.Member> members) {
            this.c = c;
            heads = members.stream().map(LineageRanges.Member::head).toArray();
            codes = members.stream().map(LineageRanges.Member::code).toArray();
            froms = members.stream().map(x -> x.from() == null ? "-infinity" : x.from().toString()).toArray();
            tos = members.stream().map(x -> x.to() == null ? "infinity" : x.to().toString()).toArray();
        }

        /** Binds the members as parameters 1 to 4; answers the next parameter's index. */
        int bind(PreparedStatement st) throws SQLException {
            st.setArray(1, c.createArrayOf("text", heads));
            st.setArray(2, c.createArrayOf("text", codes));
            st.setArray(3, c.createArrayOf("text", froms));
            st.setArray(4, c.createArrayOf("text", tos));
            return 5;
        }

        /** {@code column} (a register date) within the member's range. */
        static String in(String column) {
            return column + String.format(RANGE_OF, column);
        }
    }

    /**
     * The latest assessed result of each criterion of each commune under the set on or before a day ({@code ?, ?}).
     * Two results of one day (two predecessors of a merged commune inspected together): not met wins, a merged
     * commune meets a criterion only if each of its parts met it.
     */
    private static String latest(String name) {
        // the latest day wins and, on one day, not met: the highest (days × 2 + not met), a hash aggregate (no sort)
        return name + " as (select m.head, r.criterion, case max((r.inspected_on - date '1900-01-01') * 2"
                + " + (r.result = 'NOT_MET')::int) % 2 when 1 then 'NOT_MET' else 'MET' end as result from m"
                + " join visit_result r on r.commune_code = m.code and r.criteria_set = ? and r.inspected_on <= ?"
                + " and " + Members.in("r.units_as_of") + " group by m.head, r.criterion)";
    }

    /** The set most communes were last inspected under, on or before the day; null when none was inspected. */
    private static String defaultSet(Connection c, Members m, LocalDate day) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("with " + Members.CTE + ", l as (select distinct on (m.head)"
                + " m.head, v.criteria_set from m join inspection_visit v on v.commune_code = m.code"
                + " and " + Members.in("v.units_as_of") + " and v.inspected_on <= ? and v.criteria_set is not null"
                + " order by m.head, v.inspected_on desc, v.inspection_id desc)"
                + " select criteria_set from l group by criteria_set order by count(*) desc, criteria_set desc"
                + " limit 1")) {
            int i = m.bind(st);
            st.setObject(i, day);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static boolean setKnown(Connection c, String set) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select 1 from catalog_set where code = ? union all"
                + " select 1 from catalog_criterion where set_code = ? limit 1")) {
            st.setString(1, set);
            st.setString(2, set);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private record Results(Dashboard.Communes communes, List<Dashboard.Criterion> criteria) {
    }

    /**
     * The communes' and the criteria's tables in one statement, the latest results read once: a row per commune
     * (criteria met, criteria assessed, the target tier of its latest visit) and a row per criterion of the set (met,
     * not met, not assessed, met a year earlier); then the histogram and tiers from the communes' rows.
     */
    private static Results results(Connection c, Members m, String set, LocalDate day, int total)
            throws SQLException {
        int criteria = 0;
        String tier = null;
        try (PreparedStatement st = c.prepareStatement("select (select count(*) from catalog_criterion"
                + " where set_code = ?), (select coalesce(tier, code) from catalog_set where code = ?)")) {
            st.setString(1, set);
            st.setString(2, set);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    criteria = rs.getInt(1);
                    tier = rs.getString(2) == null ? set : rs.getString(2);
                }
            }
        }
        int assessed = 0;
        int reached = 0;
        int[] histogram = new int[criteria + 1];
        Map<String, Integer> targeted = new TreeMap<>();
        List<Dashboard.Criterion> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("with " + Members.CTE + ", " + latest("n") + ", "
                + latest("p") + ", t as (select distinct on (m.head) m.head, v.target_tier from m"
                + " join inspection_visit v on v.commune_code = m.code and " + Members.in("v.units_as_of")
                + " and v.inspected_on <= ? order by m.head, v.inspected_on desc, v.inspection_id desc),"
                + " h as (select distinct head from m), k as (select number, name from catalog_criterion"
                + " where set_code = ?)"
                + " select true, h.head, null::int, null::text,"
                + " count(n.result) filter (where n.result = 'MET' and k.number is not null), count(n.result),"
                + " 0::bigint, 0::bigint, min(t.target_tier)"
                + " from h left join n on n.head = h.head left join k on k.number = n.criterion"
                + " left join t on t.head = h.head group by h.head"
                + " union all select false, null, k.number, k.name, count(n.result) filter (where n.result = 'MET'),"
                + " count(n.result) filter (where n.result = 'NOT_MET'), count(*) filter (where n.result is null),"
                + " count(p.result) filter (where p.result = 'MET'), null"
                + " from k cross join h left join n on n.head = h.head and n.criterion = k.number"
                + " left join p on p.head = h.head and p.criterion = k.number group by k.number, k.name"
                + " order by 1, 3")) {
            int i = m.bind(st);
            st.setString(i++, set);
            st.setObject(i++, day);
            st.setString(i++, set);
            st.setObject(i++, day.minusYears(1));
            st.setObject(i++, day);
            st.setString(i, set);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(1)) {
                        int met = rs.getInt(5);
                        if (rs.getInt(6) > 0) {
                            assessed++;
                            histogram[Math.min(met, criteria)]++;
                            if (criteria > 0 && met == criteria) {
                                reached++;
                            }
                        }
                        if (rs.getString(9) != null) {
                            targeted.merge(rs.getString(9), 1, Integer::sum);
                        }
                    } else {
                        int met = rs.getInt(5);
                        int before = rs.getInt(8);
                        rows.add(new Dashboard.Criterion(rs.getInt(3), rs.getString(4), met, rs.getInt(6),
                                rs.getInt(7), before, met - before));
                    }
                }
            }
        }
        List<Dashboard.Bucket> buckets = new ArrayList<>();
        for (int k = 0; k < histogram.length; k++) {
            buckets.add(new Dashboard.Bucket(k, histogram[k]));
        }
        return new Results(new Dashboard.Communes(total, assessed, buckets, new Dashboard.Tiers(
                List.of(new Dashboard.TierCount(tier, reached)),
                targeted.entrySet().stream().map(e -> new Dashboard.TierCount(e.getKey(), e.getValue())).toList())),
                rows);
    }

    /**
     * The work about the communes: per assignee other than the communes themselves, and per commune. Three statements:
     * the counts (a hash aggregate over the index-only scan of {@code task_dashboard_work}), the medians over the
     * tasks done in the year only (the ordered aggregate sorts those few), the departments' names.
     */
    private static Dashboard.Work work(Connection c, Members m, LocalDate day, Map<String, String> names)
            throws SQLException {
        Timestamp end = Timestamp.from(day.plusDays(1).atStartOfDay(ZONE).toInstant());
        Timestamp year = Timestamp.from(day.withDayOfYear(1).atStartOfDay(ZONE).toInstant());
        Map<String, long[]> counts = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("with " + Members.CTE + ", " + WORK
                + " select grouping(w.head), w.head, w.assignee_type, w.assignee_code,"
                + " count(*) filter (where w.open), count(*) filter (where w.open and w.due_date < ?),"
                + " count(*) filter (where w.open and w.reported_at < ? and (w.status = 'REPORTED'"
                + " or w.done_at >= ?)),"
                + " count(*) filter (where w.done_at >= ? and w.done_at < ?)"
                + " from w group by grouping sets ((w.assignee_type, w.assignee_code), (w.head))")) {
            int i = bindWork(st, m, end);
            st.setObject(i++, day);
            st.setTimestamp(i++, end);
            st.setTimestamp(i++, end);
            st.setTimestamp(i++, year);
            st.setTimestamp(i, end);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    counts.put(workKey(rs), new long[] {rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)});
                }
            }
        }
        Map<String, BigDecimal> medians = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("with " + Members.CTE + ", " + WORK
                + " select grouping(w.head), w.head, w.assignee_type, w.assignee_code,"
                + " percentile_cont(0.5) within group (order by extract(epoch from w.done_at - w.created_at) / 86400)"
                + " from w where w.done_at >= ? and w.done_at < ?"
                + " group by grouping sets ((w.assignee_type, w.assignee_code), (w.head))")) {
            int i = bindWork(st, m, end);
            st.setTimestamp(i++, year);
            st.setTimestamp(i, end);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    medians.put(workKey(rs), rs.getBigDecimal(5).setScale(1, RoundingMode.HALF_UP));
                }
            }
        }
        List<String[]> assignees = counts.keySet().stream().filter(k -> k.startsWith("a|"))
                .map(k -> k.substring(2).split("\\|", 2)).filter(a -> !"UBND_XA".equals(a[0])).sorted(
                        java.util.Comparator.<String[], String>comparing(a -> a[0]).thenComparing(a -> a[1]))
                .toList();
        Map<String, String> assigneeNames = assigneeNames(c, assignees);
        List<Dashboard.WorkRow> departments = new ArrayList<>();
        for (String[] a : assignees) {
            String key = "a|" + a[0] + "|" + a[1];
            long[] n = counts.get(key);
            departments.add(new Dashboard.WorkRow(a[0], a[1], assigneeNames.get(a[0] + "|" + a[1]), null, null,
                    n[0], n[1], n[2], n[3], medians.get(key)));
        }
        List<Dashboard.WorkRow> communes = new ArrayList<>();
        for (String head : new java.util.TreeSet<>(counts.keySet().stream().filter(k -> k.startsWith("c|"))
                .map(k -> k.substring(2)).toList())) {
            long[] n = counts.get("c|" + head);
            communes.add(new Dashboard.WorkRow(null, null, null, head, names.get(head), n[0], n[1], n[2], n[3],
                    medians.get("c|" + head)));
        }
        return new Dashboard.Work(departments, communes);
    }

    /** The tasks about the lineage members created by the day's end, with what the work tables count. */
    private static final String WORK = "w as (select m.head, t.assignee_type, t.assignee_code, t.status, t.due_date,"
            + " t.created_at, t.done_at, t.reported_at, (t.closed_at is null or t.closed_at >= ?) as open"
            + " from m join task t on t.commune_code = m.code and "
            + Members.in("coalesce(t.source_as_of, t.inspected_on)") + " where t.created_at < ?"
            // the codes as an index condition: without it the planner may merge-join the whole index from its start
            // (Lạng Sơn: 214,065 entries read for 19,874 rows, 460 ms; with it 71 ms)
            + " and t.commune_code = any((select array_agg(distinct code) from m)::text[]))";

    private static int bindWork(PreparedStatement st, Members m, Timestamp end) throws SQLException {
        int i = m.bind(st);
        st.setTimestamp(i++, end);
        st.setTimestamp(i++, end);
        return i;
    }

    /** {@code c|<commune>} for a commune's row, {@code a|<type>|<code>} for an assignee's. */
    private static String workKey(ResultSet rs) throws SQLException {
        return rs.getInt(1) == 0 ? "c|" + rs.getString(2) : "a|" + rs.getString(3) + "|" + rs.getString(4);
    }

    /**
     * The name a task gives each assignee: one task's, read through {@code task_assignee} (a department's code names
     * one body: the departments merged on 2025-03-01 have new codes).
     */
    private static Map<String, String> assigneeNames(Connection c, List<String[]> assignees) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        if (assignees.isEmpty()) {
            return out;
        }
        try (PreparedStatement st = c.prepareStatement("select a.type, a.code, (select t.assignee_name from task t"
                + " where t.assignee_type = a.type and t.assignee_code = a.code limit 1)"
                + " from unnest(?::text[], ?::text[]) as a(type, code)")) {
            st.setArray(1, c.createArrayOf("text", assignees.stream().map(a -> a[0]).toArray()));
            st.setArray(2, c.createArrayOf("text", assignees.stream().map(a -> a[1]).toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(3));
                }
            }
        }
        return out;
    }

    /** The inspections of the day's year, up to the day, that visited one of the communes, by lead agency. */
    private static Dashboard.Inspections inspections(Connection c, Members m, LocalDate day) throws SQLException {
        List<Dashboard.LeadAgency> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("with " + Members.CTE + ", i as (select distinct"
                + " v.inspection_id from m join inspection_visit v on v.commune_code = m.code and "
                + Members.in("v.units_as_of") + " and v.inspected_on >= ? and v.inspected_on <= ?)"
                + " select r.payload -> 'leadAgency' ->> 'type', r.payload -> 'leadAgency' ->> 'code',"
                + " max(r.payload -> 'leadAgency' ->> 'name'), count(*) from i join inspection_record r"
                + " on r.inspection_id = i.inspection_id group by 1, 2 order by 4 desc, 2")) {
            int i = m.bind(st);
            st.setObject(i++, day.withDayOfYear(1));
            st.setObject(i, day);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Dashboard.LeadAgency(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getLong(4)));
                }
            }
        }
        return new Dashboard.Inspections(day.getYear(), out);
    }
}
