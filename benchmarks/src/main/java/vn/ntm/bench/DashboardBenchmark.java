package vn.ntm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Issue 25: the province dashboard on national volume. Loads, straight into task-service's database, five years of
 * inspections of every commune of today's register (3,321 communes; each visit with 19 assessed criteria; visits before
 * 2025-07-01 on the unit the commune succeeded) and a million tasks spread over them, then measures
 * {@code GET /dashboards/provinces/{code}} in a closed loop beside the same SQL statements run alone over JDBC.
 * The statements mirror task-service's {@code dashboard/DashboardService} (keep them in step).
 */
final class DashboardBenchmark {
    static final String SET = "XA_NTM_2021_2025";
    static final LocalDate AT = LocalDate.of(2025, 12, 31);

    record Province(String code, String name, int communes) {
    }

    private DashboardBenchmark() {
    }

    /** Waits for task-service's register copy (criteria-service publishes it when it starts), then loads the volume. */
    static String seed(String jdbc, String password, int tasks) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "ntm", password); Statement st = c.createStatement()) {
            long until = System.currentTimeMillis() + 180_000;
            while (true) {
                try (ResultSet rs = st.executeQuery("select count(*) from admin_unit where level = 'commune'"
                        + " and valid_from <= date '" + AT + "' and valid_to is null")) {
                    rs.next();
                    if (rs.getInt(1) >= 3000) {
                        break;
                    }
                }
                if (System.currentTimeMillis() > until) {
                    throw new IllegalStateException("task-service has no register copy after 180 s");
                }
                Thread.sleep(1000);
            }
            long start = System.nanoTime();
            st.execute("insert into catalog_set (code, name, tier) values ('" + SET + "', 'Bộ tiêu chí quốc gia về xã"
                    + " nông thôn mới giai đoạn 2021 – 2025', 'NTM') on conflict (code) do update set tier = 'NTM'");
            st.execute("insert into catalog_criterion (set_code, number, name) select '" + SET + "', n,"
                    + " 'Tiêu chí ' || n from generate_series(1, 19) n on conflict do nothing");
            st.execute("create temporary table bench_dash_commune as select a.code, a.province_code,"
                    + " row_number() over (order by a.code) as k, p.from_code as before_code"
                    + " from admin_unit a left join (select distinct on (to_code) to_code, from_code"
                    + " from admin_unit_succession where from_level = 'commune' and effective_on = date '2025-07-01'"
                    + " order by to_code, from_code) p on p.to_code = a.code"
                    + " where a.level = 'commune' and a.valid_from <= date '" + AT + "' and a.valid_to is null");
            // one inspection per ten communes and year; visits before the merger on the predecessor's code
            st.execute("create temporary table bench_dash_visit as select v.*, case when v.day < date '2025-07-01'"
                    + " then coalesce(v.before_code, v.code) else v.code end as visit_code from (select"
                    + " md5('dash-' || y || '-' || (c.k / 10))::uuid as inspection_id, c.code, c.before_code,"
                    + " c.province_code, c.k, y, make_date(y, 3, 1) + (((c.k / 10) * 7 + y) % 240)::int as day"
                    + " from bench_dash_commune c cross join generate_series(2021, 2025) y) v");
            st.execute("insert into inspection_visit (inspection_id, commune_code, version, inspected_on, units_as_of,"
                    + " criteria_set, target_year, stated_met, findings, recorded_at, target_tier)"
                    + " select inspection_id, visit_code, 1, day, day, '" + SET + "', y, 0, '{}'::jsonb, now(),"
                    + " case when k % 10 = 0 then 'NTM_NANG_CAO' else 'NTM' end from bench_dash_visit"
                    + " on conflict do nothing");
            st.execute("insert into inspection_record (inspection_id, version, inspected_on, payload, recorded_at)"
                    + " select distinct on (inspection_id) inspection_id, 1, day, jsonb_build_object('leadAgency',"
                    + " case when k % 3 = 0 then jsonb_build_object('type', 'VP_DIEU_PHOI', 'code', province_code,"
                    + " 'name', 'Văn phòng Điều phối nông thôn mới tỉnh ' || province_code) else jsonb_build_object("
                    + "'type', 'SO_NGANH', 'code', province_code || ':NNMT', 'name', 'Sở Nông nghiệp và Môi trường"
                    + " tỉnh ' || province_code) end), now() from bench_dash_visit order by inspection_id, k"
                    + " on conflict do nothing");
            // 19 assessed criteria per visit, more met each year
            st.execute("insert into visit_result (inspection_id, commune_code, criterion, criteria_set, units_as_of,"
                    + " inspected_on, result) select v.inspection_id, v.commune_code, n, v.criteria_set,"
                    + " v.units_as_of, v.inspected_on, case when abs(hashtext(v.commune_code || '-' || n || '-'"
                    + " || v.inspected_on)) % 100 < 55 + (extract(year from v.inspected_on)::int - 2021) * 9"
                    + " then 'MET' else 'NOT_MET' end from inspection_visit v cross join generate_series(1, 19) n"
                    + " where v.criteria_set = '" + SET + "' and v.findings = '{}'::jsonb"
                    + " on conflict do nothing");
            st.execute("create temporary table bench_dash_v as select row_number() over (order by v.inspection_id,"
                    + " v.commune_code) - 1 as r, v.inspection_id, v.commune_code, v.inspected_on, c.province_code"
                    + " from inspection_visit v join bench_dash_visit b on b.inspection_id = v.inspection_id"
                    + " and b.visit_code = v.commune_code join bench_dash_commune c on c.code = b.code");
            st.execute("analyze bench_dash_v");
            st.execute("insert into task (id, inspection_id, rule_code, commune_code, commune_name, criterion,"
                    + " criterion_name, assignee_type, assignee_code, assignee_name, title, due_date, status, version,"
                    + " created_at, updated_at, province_code, source_as_of, inspected_on, criteria_set, reported_at,"
                    + " done_at, closed_at, source_ref)"
                    + " select gen_random_uuid(), t.inspection_id, 'BENCH_DASH', t.commune_code, 'Xã ' || t.commune_code,"
                    + " t.g % 19 + 1, 'Tiêu chí ' || (t.g % 19 + 1), t.type, t.code, 'Đơn vị ' || t.code,"
                    + " 'Hoàn thành tiêu chí số ' || (t.g % 19 + 1), t.created::date + 180, t.status, 0, t.created,"
                    + " t.created, t.province_code, t.inspected_on, t.inspected_on, '" + SET + "',"
                    + " case when t.status in ('REPORTED', 'DONE') then t.created + (t.g % 150) * interval '1 day' end,"
                    + " case when t.status = 'DONE' then t.created + (t.g % 200 + 5) * interval '1 day' end,"
                    + " case when t.status in ('DONE', 'CANCELLED') then t.created + (t.g % 200 + 5)"
                    + " * interval '1 day' end, 'bench:' || t.g" // distinct natural keys (task_natural_key)
                    + " from (select g, v.inspection_id, v.commune_code, v.inspected_on, v.province_code,"
                    + " (v.inspected_on + 9)::timestamp at time zone 'Asia/Ho_Chi_Minh' as created,"
                    + " (array['UBND_XA','UBND_HUYEN','SO_NGANH','VP_DIEU_PHOI'])[g % 4 + 1] as type,"
                    + " case g % 4 when 0 then v.commune_code when 1 then v.province_code || '-H' || (g % 7)"
                    + " when 2 then v.province_code || ':' || (array['NNMT','XD','GTVT','YT','GDDT'])[g % 5 + 1]"
                    + " else v.province_code end as code,"
                    + " (array['OPEN','IN_PROGRESS','REPORTED','DONE','DONE','CANCELLED'])[g % 6 + 1] as status"
                    + " from generate_series(0, " + (tasks - 1) + ") g"
                    + " join bench_dash_v v on v.r = g % (select count(*) from bench_dash_v)) t");
            st.execute("vacuum (analyze) task");
            st.execute("vacuum (analyze) visit_result");
            st.execute("vacuum (analyze) inspection_visit");
            try (ResultSet rs = st.executeQuery("select (select count(*) from bench_dash_commune),"
                    + " (select count(*) from inspection_visit), (select count(*) from visit_result),"
                    + " (select count(*) from task where rule_code = 'BENCH_DASH')")) {
                rs.next();
                return String.format("%,d communes, %,d visits, %,d criterion results, %,d tasks loaded in %.0f s",
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        (System.nanoTime() - start) / 1e9);
            }
        }
    }

    /** The province with the most communes today, then Hà Tĩnh (42) and Lạng Sơn (20). */
    static List<Province> provinces(String jdbc, String password) throws Exception {
        List<Province> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc, "ntm", password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select p.code, p.name, count(*) from admin_unit a join admin_unit p"
                     + " on p.code = a.province_code and p.level = 'province' and p.valid_to is null"
                     + " where a.level = 'commune' and a.valid_to is null group by p.code, p.name"
                     + " order by (p.code = (select province_code from admin_unit where level = 'commune' and valid_to"
                     + " is null group by province_code order by count(*) desc, province_code limit 1)) desc,"
                     + " (p.code = '42') desc, (p.code = '20') desc, p.code limit 3")) {
            while (rs.next()) {
                out.add(new Province(rs.getString(1), rs.getString(2), rs.getInt(3)));
            }
        }
        return out;
    }

    static Path urls(String taskBase, Province p, Path dir) throws Exception {
        Path file = dir.resolve("dashboard-" + p.code() + ".txt");
        Files.write(file, Collections.nCopies(100, taskBase + "/dashboards/provinces/" + p.code() + "?at=" + AT
                + "&criteriaSet=" + SET));
        return file;
    }

    /** Profiles of 300 of today's communes spread over the country (each with five years of visits and its tasks). */
    static Path profileUrls(String taskBase, String jdbc, String password, Path dir) throws Exception {
        List<String> urls = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc, "ntm", password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select code from admin_unit where level = 'commune' and valid_to is null"
                     + " order by md5(code) limit 300")) {
            while (rs.next()) {
                urls.add(taskBase + "/communes/" + rs.getString(1) + "/profile?at=" + AT);
            }
        }
        Path file = dir.resolve("profiles.txt");
        Files.write(file, urls);
        return file;
    }

    /** The statements of one dashboard as task-service sends them, straight over JDBC, in a closed loop. */
    static ReadBenchmark.Load sql(String jdbc, String password, Province p, int concurrency, int seconds)
            throws Exception {
        return ReadBenchmark.closedLoop(jdbc, password, concurrency, seconds, c -> {
            try (Statement st = c.createStatement()) {
                st.execute("set plan_cache_mode = force_custom_plan"); // as task-service's connections
            }
            PreparedStatement unit = c.prepareStatement("select name, province_code from admin_unit where code = ?"
                    + " and level = 'province' and valid_from <= ? and (valid_to is null or valid_to >= ?)");
            PreparedStatement communes = c.prepareStatement("select code, name from admin_unit where level ="
                    + " 'commune' and province_code = ? and valid_from <= ? and (valid_to is null or valid_to >= ?)"
                    + " order by code");
            PreparedStatement edges = c.prepareStatement("with recursive e(from_code, to_code, effective_on) as ("
                    + " select from_code, to_code, effective_on from admin_unit_succession"
                    + " where from_level = 'commune' and to_code = any(?)"
                    + " union select s.from_code, s.to_code, s.effective_on from admin_unit_succession s"
                    + " join e on s.to_code = e.from_code where s.from_level = 'commune')"
                    + " select from_code, to_code, effective_on from e");
            PreparedStatement set = c.prepareStatement("select 1 from catalog_set where code = ? union all"
                    + " select 1 from catalog_criterion where set_code = ? limit 1");
            PreparedStatement size = c.prepareStatement("select (select count(*) from catalog_criterion"
                    + " where set_code = ?), (select coalesce(tier, code) from catalog_set where code = ?)");
            PreparedStatement results = c.prepareStatement("with " + CTE + ", " + latest("n") + ", "
                    + latest("p") + ", t as (select distinct on (m.head) m.head, v.target_tier from m"
                    + " join inspection_visit v on v.commune_code = m.code and " + in("v.units_as_of")
                    + " and v.inspected_on <= ? order by m.head, v.inspected_on desc, v.inspection_id desc),"
                    + " h as (select distinct head from m), k as (select number, name from catalog_criterion"
                    + " where set_code = ?)"
                    + " select true, h.head, null::int, null::text,"
                    + " count(n.result) filter (where n.result = 'MET' and k.number is not null), count(n.result),"
                    + " 0::bigint, 0::bigint, min(t.target_tier)"
                    + " from h left join n on n.head = h.head left join k on k.number = n.criterion"
                    + " left join t on t.head = h.head group by h.head"
                    + " union all select false, null, k.number, k.name, count(n.result) filter (where n.result ="
                    + " 'MET'), count(n.result) filter (where n.result = 'NOT_MET'), count(*) filter (where n.result"
                    + " is null), count(p.result) filter (where p.result = 'MET'), null"
                    + " from k cross join h left join n on n.head = h.head and n.criterion = k.number"
                    + " left join p on p.head = h.head and p.criterion = k.number group by k.number, k.name"
                    + " order by 1, 3");
            String w = "w as (select m.head, t.assignee_type, t.assignee_code, t.status, t.due_date, t.created_at,"
                    + " t.done_at, t.reported_at, (t.closed_at is null or t.closed_at >= ?) as open"
                    + " from m join task t on t.commune_code = m.code and "
                    + in("coalesce(t.source_as_of, t.inspected_on)") + " where t.created_at < ?"
                    + " and t.commune_code = any((select array_agg(distinct code) from m)::text[]))";
            PreparedStatement work = c.prepareStatement("with " + CTE + ", " + w
                    + " select grouping(w.head), w.head, w.assignee_type, w.assignee_code,"
                    + " count(*) filter (where w.open), count(*) filter (where w.open and w.due_date < ?),"
                    + " count(*) filter (where w.open and w.reported_at < ? and (w.status = 'REPORTED'"
                    + " or w.done_at >= ?)),"
                    + " count(*) filter (where w.done_at >= ? and w.done_at < ?)"
                    + " from w group by grouping sets ((w.assignee_type, w.assignee_code), (w.head))");
            PreparedStatement medians = c.prepareStatement("with " + CTE + ", " + w
                    + " select grouping(w.head), w.head, w.assignee_type, w.assignee_code,"
                    + " percentile_cont(0.5) within group (order by extract(epoch from w.done_at - w.created_at)"
                    + " / 86400) from w where w.done_at >= ? and w.done_at < ?"
                    + " group by grouping sets ((w.assignee_type, w.assignee_code), (w.head))");
            PreparedStatement assigneeNames = c.prepareStatement("select a.type, a.code, (select t.assignee_name"
                    + " from task t where t.assignee_type = a.type and t.assignee_code = a.code limit 1)"
                    + " from unnest(?::text[], ?::text[]) as a(type, code)");
            PreparedStatement inspections = c.prepareStatement("with " + CTE + ", i as (select distinct"
                    + " v.inspection_id from m join inspection_visit v on v.commune_code = m.code and "
                    + in("v.units_as_of") + " and v.inspected_on >= ? and v.inspected_on <= ?)"
                    + " select r.payload -> 'leadAgency' ->> 'type', r.payload -> 'leadAgency' ->> 'code',"
                    + " max(r.payload -> 'leadAgency' ->> 'name'), count(*) from i join inspection_record r"
                    + " on r.inspection_id = i.inspection_id group by 1, 2 order by 4 desc, 2");
            ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
            Timestamp end = Timestamp.from(AT.plusDays(1).atStartOfDay(zone).toInstant());
            Timestamp year = Timestamp.from(AT.withDayOfYear(1).atStartOfDay(zone).toInstant());
            return () -> {
                unit.setString(1, p.code());
                unit.setObject(2, AT);
                unit.setObject(3, AT);
                read(unit);
                communes.setString(1, p.code());
                communes.setObject(2, AT);
                communes.setObject(3, AT);
                List<String> codes = new ArrayList<>();
                try (ResultSet rs = communes.executeQuery()) {
                    while (rs.next()) {
                        codes.add(rs.getString(1));
                    }
                }
                edges.setArray(1, c.createArrayOf("text", codes.toArray()));
                // the lineage members of the benchmark's data: the commune since the merger, its predecessors before
                List<String[]> members = new ArrayList<>();
                Set<String> reborn = new LinkedHashSet<>();
                try (ResultSet rs = edges.executeQuery()) {
                    while (rs.next()) {
                        String from = rs.getString(1);
                        String to = rs.getString(2);
                        String on = rs.getObject(3, LocalDate.class).toString();
                        members.add(new String[] {to, from, "-infinity", from.equals(to) ? on : "infinity"});
                        reborn.add(to + "|" + on);
                    }
                }
                for (String code : codes) {
                    String on = reborn.stream().filter(r -> r.startsWith(code + "|")).map(r -> r.substring(r.indexOf('|') + 1))
                            .findFirst().orElse("-infinity");
                    members.add(new String[] {code, code, on, "infinity"});
                }
                set.setString(1, SET);
                set.setString(2, SET);
                read(set);
                size.setString(1, SET);
                size.setString(2, SET);
                read(size);
                int i = bind(c, results, members);
                results.setString(i++, SET);
                results.setObject(i++, AT);
                results.setString(i++, SET);
                results.setObject(i++, AT.minusYears(1));
                results.setObject(i++, AT);
                results.setString(i, SET);
                read(results);
                i = bind(c, work, members);
                work.setTimestamp(i++, end);
                work.setTimestamp(i++, end);
                work.setObject(i++, AT);
                work.setTimestamp(i++, end);
                work.setTimestamp(i++, end);
                work.setTimestamp(i++, year);
                work.setTimestamp(i, end);
                List<String> types = new ArrayList<>();
                List<String> assignees = new ArrayList<>();
                try (ResultSet rs = work.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getInt(1) == 1 && !"UBND_XA".equals(rs.getString(3))) {
                            types.add(rs.getString(3));
                            assignees.add(rs.getString(4));
                        }
                    }
                }
                i = bind(c, medians, members);
                medians.setTimestamp(i++, end);
                medians.setTimestamp(i++, end);
                medians.setTimestamp(i++, year);
                medians.setTimestamp(i, end);
                read(medians);
                assigneeNames.setArray(1, c.createArrayOf("text", types.toArray()));
                assigneeNames.setArray(2, c.createArrayOf("text", assignees.toArray()));
                read(assigneeNames);
                i = bind(c, inspections, members);
                inspections.setObject(i++, AT.withDayOfYear(1));
                inspections.setObject(i, AT);
                read(inspections);
            };
        });
    }

    private static final String CTE = "m as (select * from unnest(?::text[], ?::text[], ?::date[], ?::date[])"
            + " as m(head, code, from_d, to_d))";

    private static String in(String column) {
        return column + " >= m.from_d and " + column + " < m.to_d";
    }

    private static String latest(String name) {
        // the latest day wins and, on one day, not met: the highest (days × 2 + not met), a hash aggregate (no sort)
        return name + " as (select m.head, r.criterion, case max((r.inspected_on - date '1900-01-01') * 2"
                + " + (r.result = 'NOT_MET')::int) % 2 when 1 then 'NOT_MET' else 'MET' end as result from m"
                + " join visit_result r on r.commune_code = m.code and r.criteria_set = ? and r.inspected_on <= ?"
                + " and " + in("r.units_as_of") + " group by m.head, r.criterion)";
    }

    private static int bind(Connection c, PreparedStatement st, List<String[]> members) throws Exception {
        for (int k = 0; k < 4; k++) {
            int column = k;
            st.setArray(k + 1, c.createArrayOf("text", members.stream().map(m -> m[column]).toArray()));
        }
        return 5;
    }

    private static void read(PreparedStatement st) throws Exception {
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rs.getString(1);
            }
        }
    }
}
