package vn.ntm.bench;

import org.HdrHistogram.Histogram;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A million stored tasks; filtered {@code GET /tasks} lists from a load generator in another process, against the
 * same queries run directly on PostgreSQL over JDBC at the same concurrency.
 */
final class ReadBenchmark {
    record Load(long requests, long errors, double rps, double p50, double p99) {
        static Load parse(String line) {
            String[] f = line.trim().split(" ");
            return new Load(Long.parseLong(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]));
        }
    }

    static final int ASSIGNEES = 2000;
    static final int COMMUNES = 8000;
    /**
     * Syllables of commune names: commune k is called {@code SYLLABLES[k % n] + " " + SYLLABLES[k / n % n]}, so the
     * 8000 communes have distinct two-word Vietnamese names (with diacritics, đ among them), as a search sees them.
     */
    static final String[] SYLLABLES = ("An Bắc Bằng Bình Cao Chi Chiến Cường Dân Đại Đình Đông Đồng Đức Gia Giang Hà"
            + " Hải Hòa Hồng Hợp Hưng Hữu Khánh Kim Lạc Lâm Lăng Lập Liên Long Lộc Lợi Lương Mạc Minh Mỏ Mỹ Nam"
            + " Nghĩa Ngọc Nhân Phong Phú Phúc Quang Quảng Quý Sơn Tân Tây Thạch Thái Thanh Thành Thắng Thịnh Thọ"
            + " Thống Thuận Thủy Thượng Tiến Toàn Trung Trường Tú Tuấn Tường Văn Việt Vinh Vĩnh Xuân Yên Ái Bảo"
            + " Châu Diễn Điền Hạ Hiệp Hoàng Kiên Lam Luận Mai Nhất Quyết Tài").split(" ");

    /** The register-style name of commune {@code k} (without the "Xã " in front). */
    static String communeName(int k) {
        return SYLLABLES[k % SYLLABLES.length] + " " + SYLLABLES[k / SYLLABLES.length % SYLLABLES.length];
    }

    /** Inserts tasks spread over 4 assignee types x 2000 codes, 3 statuses and five years of due dates. */
    static void seed(String taskJdbcUrl, String password, int rows) throws Exception {
        try (Connection c = DriverManager.getConnection(taskJdbcUrl, "ntm", password); Statement st = c.createStatement()) {
            st.execute("create temporary table bench_commune_name (k int primary key, name text)");
            try (PreparedStatement names = c.prepareStatement("insert into bench_commune_name values (?, ?)")) {
                for (int k = 0; k < COMMUNES; k++) {
                    names.setInt(1, k);
                    names.setString(2, communeName(k));
                    names.addBatch();
                }
                names.executeBatch();
            }
            st.execute("insert into task (id, inspection_id, rule_code, commune_code, commune_name, criterion,"
                    + " criterion_name, assignee_type, assignee_code, assignee_name, title, due_date, status, version,"
                    + " created_at, updated_at)"
                    // the rule whose title these are: a search resolves its fixed words ("hoàn thành") to it
                    + " select gen_random_uuid(), md5((g / 250)::text)::uuid, 'NOT_MET_COMMUNE',"
                    + " lpad((g % 8000)::text, 5, '0'),"
                    + " 'Xã ' || n.name, g % 19 + 1, 'Tiêu chí ' || (g % 19 + 1),"
                    + " (array['UBND_XA','UBND_HUYEN','SO_NGANH','VP_DIEU_PHOI'])[g % 4 + 1], 'R' || (g % " + ASSIGNEES
                    + "), 'Đơn vị ' || (g % " + ASSIGNEES + "), 'Hoàn thành tiêu chí số ' || (g % 19 + 1)"
                    + " || ' tại xã ' || n.name,"
                    + " date '2022-01-01' + (g % 1800), (array['OPEN','IN_PROGRESS','DONE'])[g % 3 + 1], 0, now(), now()"
                    + " from generate_series(1, " + rows + ") g join bench_commune_name n on n.k = g % " + COMMUNES);
            // the names these tasks show, as task-service's writers record them for the search (V34)
            try (ResultSet rs = st.executeQuery("select to_regclass('task_search_name') is not null")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    st.execute("insert into task_search_name (kind, type, code, name) select distinct n.kind, n.type,"
                            + " n.code, n.name from task t cross join lateral (values ('commune', '', t.commune_code,"
                            + " t.commune_name), ('assignee', t.assignee_type, t.assignee_code, t.assignee_name),"
                            + " ('criterion', '', t.criterion::text, t.criterion_name)) as n(kind, type, code, name)"
                            + " where n.code is not null and n.name is not null on conflict do nothing");
                    st.execute("analyze task_search_name");
                }
            }
            // as autovacuum would leave them after a while: statistics, the visibility map, the trigram index's
            // pending list merged (a search otherwise reads the whole list)
            st.execute("vacuum (analyze) task");
        }
    }

    /** Tasks stored so far. */
    static long countTasks(String taskJdbcUrl, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(taskJdbcUrl, "ntm", password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from task")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Path urls(String taskBase, Path dir) throws Exception {
        List<String> urls = new ArrayList<>();
        String[] types = {"UBND_XA", "UBND_HUYEN", "SO_NGANH", "VP_DIEU_PHOI"};
        for (int i = 0; i < 2000; i++) {
            int code = ThreadLocalRandom.current().nextInt(ASSIGNEES);
            String type = types[code % 4];
            urls.add(taskBase + "/tasks?assigneeType=" + type + "&assigneeCode=R" + code
                    + "&status=OPEN&sort=dueDate&page=0&size=20");
        }
        Path file = dir.resolve("read-urls.txt");
        Files.write(file, urls);
        return file;
    }

    /**
     * Searches as people type them: one commune's name without diacritics in lower case (or, every fourth, as
     * written, in capitals), no other filter, sorted by due date, page of 20, with the total count.
     */
    static Path searchUrls(String taskBase, Path dir) throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String name = communeName(ThreadLocalRandom.current().nextInt(COMMUNES));
            String q = i % 4 == 0 ? name.toUpperCase(java.util.Locale.ROOT) : typed(name);
            urls.add(taskBase + "/tasks?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20")
                    + "&sort=dueDate&page=0&size=20");
        }
        Path file = dir.resolve("search-urls.txt");
        Files.write(file, urls);
        return file;
    }

    /** {@code text} as people type it: without diacritics (đ as d), in lower case. */
    static String typed(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(java.util.Locale.ROOT);
    }

    /** The words of the seeded titles ("Hoàn thành tiêu chí số 7 tại xã Thượng Cường") a search may type. */
    static final String[] TITLE_WORDS = {"hoan", "thanh", "tieu", "chi", "hoàn thành", "tiêu chí"};

    /**
     * Searches for one word of the titles as people type them: every fourth a word every task's title holds
     * ("hoàn thành": a million matches, the page walks the due-date order, the count stops at its limit), the
     * others one syllable of the commune names (about 2% of the tasks each, "cuong"), alone, sorted by due date,
     * page of 20, with the total count.
     */
    static Path titleWordUrls(String taskBase, Path dir) throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String q = i % 4 == 0 ? TITLE_WORDS[random.nextInt(TITLE_WORDS.length)]
                    : typed(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            urls.add(taskBase + "/tasks?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20")
                    + "&sort=dueDate&page=0&size=20");
        }
        Path file = dir.resolve("title-word-urls.txt");
        Files.write(file, urls);
        return file;
    }

    /**
     * A load generator in its own small JVM (serial collector, 64 MiB heap, C1 only: it must not compete with the
     * services for the two cores more than a native client would).
     */
    static Load http(Path urls, String authorization, int concurrency, int seconds, double rate) throws Exception {
        String cp = System.getProperty("java.class.path");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss256k", "-cp", cp,
                LoadGenerator.class.getName(), urls.toString(), Integer.toString(concurrency),
                Integer.toString(seconds), Double.toString(rate)).redirectErrorStream(true);
        pb.environment().put("NTM_BENCH_AUTHORIZATION", authorization);
        Process p = pb.start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                last = line;
            }
        }
        if (p.waitFor() != 0 || last == null) {
            throw new IllegalStateException("load generator failed: " + last);
        }
        return Load.parse(last);
    }

    /**
     * A closed loop from ApacheBench ({@code ab}, Debian's apache2-utils), a native client far lighter than a JVM
     * generator on the same cores: one URL, {@code concurrency} connections for {@code seconds}. Null when
     * {@code ab} is not installed (CI does not need it).
     */
    static Load ab(String url, String authorization, int concurrency, int seconds) throws Exception {
        Process p;
        try {
            // no keep-alive (-k): ab cannot read chunked responses, which a page of tasks larger than the server's
            // output buffer is; a new loopback connection per request costs little beside the request
            p = new ProcessBuilder("ab", "-q", "-c", Integer.toString(concurrency), "-t",
                    Integer.toString(seconds), "-n", "10000000", "-H", "Authorization: " + authorization, url)
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException notInstalled) {
            return null;
        }
        long complete = 0;
        long failed = 0;
        double rps = 0;
        double p50 = 0;
        double p99 = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                String t = line.trim();
                if (t.startsWith("Complete requests:")) {
                    complete = Long.parseLong(t.replaceAll("\\D", ""));
                } else if (t.startsWith("Failed requests:") || t.startsWith("Non-2xx responses:")) {
                    failed += Long.parseLong(t.replaceAll("\\D", ""));
                } else if (t.startsWith("Requests per second:")) {
                    rps = Double.parseDouble(t.split("\\s+")[3]);
                } else if (t.startsWith("50%")) {
                    p50 = Double.parseDouble(t.split("\\s+")[1]);
                } else if (t.startsWith("99%")) {
                    p99 = Double.parseDouble(t.split("\\s+")[1]);
                }
            }
        }
        if (p.waitFor() != 0) {
            System.err.println("ab failed; its figures are left out");
            return null;
        }
        return new Load(complete, failed, rps, p50, p99);
    }

    /** The list query and its count, as task-service runs them, straight over JDBC. */
    static Load sql(String taskJdbcUrl, String password, int concurrency, int seconds) throws Exception {
        String[] types = {"UBND_XA", "UBND_HUYEN", "SO_NGANH", "VP_DIEU_PHOI"};
        return closedLoop(taskJdbcUrl, password, concurrency, seconds, c -> {
            PreparedStatement list = c.prepareStatement("select * from task where assignee_type = ?"
                    + " and assignee_code = ? and status = ? order by due_date, id limit 20 offset 0");
            PreparedStatement count = c.prepareStatement("select count(*) from task where"
                    + " assignee_type = ? and assignee_code = ? and status = ?");
            return () -> {
                int code = ThreadLocalRandom.current().nextInt(ASSIGNEES);
                for (PreparedStatement st : List.of(list, count)) {
                    st.setString(1, types[code % 4]);
                    st.setString(2, "R" + code);
                    st.setString(3, "OPEN");
                    readAll(st);
                }
            };
        });
    }

    /** One request of a closed-loop SQL run, on its thread's connection. */
    interface SqlRequest {
        void run() throws Exception;
    }

    /** Prepares a thread's statements on its connection and answers its request. */
    interface SqlClient {
        SqlRequest open(Connection c) throws Exception;
    }

    /**
     * {@code concurrency} threads, each on its own connection, send requests one after another for {@code seconds};
     * each request is timed.
     */
    static Load closedLoop(String jdbcUrl, String password, int concurrency, int seconds, SqlClient client)
            throws Exception {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong requests = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Thread t = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(jdbcUrl, "ntm", password)) {
                    SqlRequest request = client.open(c);
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        request.run();
                        synchronized (histogram) {
                            histogram.recordValue(System.nanoTime() - t0);
                        }
                        requests.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Load(requests.get(), 0, requests.get() / elapsed, histogram.getValueAtPercentile(50) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6);
    }

    private static void readAll(PreparedStatement st) throws java.sql.SQLException {
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rs.getString(1);
            }
        }
    }

    /** task-service's pattern (SearchTerms.containsPattern): the folded word, wildcards escaped, inside % %. */
    private static String contains(String folded) {
        return "('%' || replace(replace(replace(" + folded + ", '!', '!!'), '%', '!%'), '_', '!_') || '%')";
    }

    /** The text of a task folded row by row, as task-service checks a word the names do not resolve. */
    private static final String ROW_TEXT = "ntm_task_search(commune_name, assignee_name, title) like "
            + contains("ntm_fold(?)") + " escape '!'";

    /**
     * The SQL of {@code GET /tasks?q=} for the searches of {@code urls} (page of 20 by due date and the count up to
     * 1,001), as this tree's task-service sends it, straight over JDBC. With the table of names of V34: the lookup of
     * the typed words among the names and the rules' title texts, then the tasks carrying one of the names (by their
     * code columns) or one of the rules, a word that names nothing checked on the text row by row. With V20's word
     * table (older trees): the words looked up, then the tasks holding them. Older still: the folded text with LIKE.
     */
    static Load sqlSearch(String taskJdbcUrl, String password, Path urls, int concurrency, int seconds)
            throws Exception {
        List<String> queries = new ArrayList<>();
        for (String url : Files.readAllLines(urls)) {
            String q = url.substring(url.indexOf("q=") + 2).replaceAll("&.*", "");
            queries.add(java.net.URLDecoder.decode(q, StandardCharsets.UTF_8));
        }
        String schema;
        try (Connection c = DriverManager.getConnection(taskJdbcUrl, "ntm", password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select case when to_regclass('task_search_name') is not null then 'names'"
                     + " when to_regclass('task_search_word') is not null then 'words' else 'text' end")) {
            rs.next();
            schema = rs.getString(1);
        }
        if ("names".equals(schema)) {
            return sqlSearchByNames(taskJdbcUrl, password, queries, concurrency, seconds);
        }
        boolean words = "words".equals(schema);
        return closedLoop(taskJdbcUrl, password, concurrency, seconds, c -> {
            try (Statement st = c.createStatement()) {
                st.execute("set plan_cache_mode = force_custom_plan"); // as task-service's connections
            }
            PreparedStatement lookup = words ? c.prepareStatement("select array(select distinct w.word from"
                    + " task_search_word w where w.word like f.p escape '!' limit 501), f.p ~ '[\\x01-\\x20]'"
                    + " from unnest(?::text[]) with ordinality as q(word, i) cross join lateral (select "
                    + contains("public.ntm_fold(q.word)") + " as p) f order by q.i") : null;
            java.util.Map<Integer, PreparedStatement[]> byWords = new java.util.HashMap<>();
            return () -> {
                String q = queries.get(ThreadLocalRandom.current().nextInt(queries.size()));
                List<String> patterns = new ArrayList<>(new java.util.LinkedHashSet<>(List.of(q.strip().split("\\s+"))));
                List<Object> params = new ArrayList<>();
                if (words) {
                    lookup.setArray(1, c.createArrayOf("text", patterns.toArray()));
                    try (ResultSet rs = lookup.executeQuery()) {
                        while (rs.next()) {
                            params.add(rs.getArray(1));
                        }
                    }
                } else {
                    params.addAll(patterns);
                }
                PreparedStatement[] statements = byWords.computeIfAbsent(params.size(), n -> {
                    StringBuilder where = new StringBuilder("1 = 1");
                    for (int i = 0; i < n; i++) {
                        where.append(words ? " and search_words && ?" : " and search_text like "
                                + contains("ntm_fold(?)") + " escape '!'");
                    }
                    return pageAndCount(c, where.toString());
                });
                for (PreparedStatement st : statements) {
                    for (int i = 0; i < params.size(); i++) {
                        st.setObject(i + 1, params.get(i));
                    }
                    readAll(st);
                }
            };
        });
    }

    private static PreparedStatement[] pageAndCount(Connection c, String where) {
        try {
            return new PreparedStatement[] {
                    c.prepareStatement("select * from task where " + where + " order by due_date, id limit 21"),
                    c.prepareStatement("select 1 from task where " + where + " limit 1001")};
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** task-service's search of V34 (TaskQueries.lookUpWords and TaskFilter), over JDBC. */
    private static Load sqlSearchByNames(String taskJdbcUrl, String password, List<String> queries, int concurrency,
                                         int seconds) throws Exception {
        return closedLoop(taskJdbcUrl, password, concurrency, seconds, c -> {
            try (Statement st = c.createStatement()) {
                st.execute("set plan_cache_mode = force_custom_plan"); // as task-service's connections
            }
            PreparedStatement lookup = c.prepareStatement("select q.i, f.p ~ '[\\x01-\\x20]', n.kind, n.type,"
                    + " n.code, n.name from unnest(?::text[]) with ordinality as q(word, i)"
                    + " cross join lateral (select " + contains("public.ntm_fold(q.word)") + " as p) f"
                    + " left join lateral ((select s.kind, s.type, s.code, s.name from task_search_name s"
                    + " where s.folded like f.p escape '!' limit 501)"
                    + " union all (select distinct 'rule', '', r.code, '' from (select code, title_template"
                    + " from task_rule union all select rule_code, title_template from task_rule_history) r"
                    + " where public.ntm_fold(regexp_replace(r.title_template, '\\{[^}]*\\}', ' ', 'g'))"
                    + " like f.p escape '!')) n on true order by q.i");
            java.util.Map<String, PreparedStatement[]> byShape = new java.util.HashMap<>();
            return () -> {
                String q = queries.get(ThreadLocalRandom.current().nextInt(queries.size()));
                List<String> typed = new ArrayList<>(new java.util.LinkedHashSet<>(List.of(q.strip().split("\\s+"))));
                // per word: kind -> the values of its columns (communes: codes, names; assignees: types, codes,
                // names; criteria: numbers, names; rules: codes)
                List<java.util.Map<String, List<java.util.Set<Object>>>> found = new ArrayList<>();
                boolean[] spaced = new boolean[typed.size()];
                for (int i = 0; i < typed.size(); i++) {
                    found.add(new java.util.TreeMap<>());
                }
                lookup.setArray(1, c.createArrayOf("text", typed.toArray()));
                try (ResultSet rs = lookup.executeQuery()) {
                    while (rs.next()) {
                        int i = rs.getInt(1) - 1;
                        spaced[i] = rs.getBoolean(2);
                        String kind = rs.getString(3);
                        if (kind == null) {
                            continue;
                        }
                        List<java.util.Set<Object>> columns = found.get(i).computeIfAbsent(kind, k -> List.of(
                                new java.util.LinkedHashSet<>(), new java.util.LinkedHashSet<>(),
                                new java.util.LinkedHashSet<>()));
                        switch (kind) {
                            case "commune" -> {
                                columns.get(0).add(rs.getString(5));
                                columns.get(1).add(rs.getString(6));
                            }
                            case "assignee" -> {
                                columns.get(0).add(rs.getString(4));
                                columns.get(1).add(rs.getString(5));
                                columns.get(2).add(rs.getString(6));
                            }
                            case "criterion" -> {
                                columns.get(0).add(Integer.valueOf(rs.getString(5)));
                                columns.get(1).add(rs.getString(6));
                            }
                            default -> columns.get(0).add(rs.getString(5));
                        }
                    }
                }
                StringBuilder shape = new StringBuilder();
                StringBuilder where = new StringBuilder("1 = 1");
                List<Object> params = new ArrayList<>();
                for (int i = 0; i < typed.size(); i++) {
                    java.util.Map<String, List<java.util.Set<Object>>> kinds = found.get(i);
                    long names = kinds.entrySet().stream().filter(e -> !"rule".equals(e.getKey()))
                            .mapToLong(e -> e.getValue().get(e.getKey().equals("assignee") ? 2 : 1).size()).sum();
                    if (!spaced[i] && kinds.isEmpty() && typed.get(i).codePoints().allMatch(Character::isLetter)) {
                        shape.append("0;");
                        where.append(" and 1 = 0"); // letters naming nothing: no task
                        continue;
                    }
                    if (spaced[i] || kinds.isEmpty() || names > 500) {
                        shape.append("t;");
                        where.append(" and ").append(ROW_TEXT);
                        params.add(typed.get(i));
                        continue;
                    }
                    List<String> any = new ArrayList<>();
                    for (var e : kinds.entrySet()) {
                        List<java.util.Set<Object>> v = e.getValue();
                        switch (e.getKey()) {
                            case "commune" -> {
                                any.add("(commune_code = any(?) and commune_name = any(?))");
                                params.add(c.createArrayOf("text", v.get(0).toArray()));
                                params.add(c.createArrayOf("text", v.get(1).toArray()));
                            }
                            case "assignee" -> {
                                any.add("(assignee_type = any(?) and assignee_code = any(?) and assignee_name = any(?))");
                                params.add(c.createArrayOf("text", v.get(0).toArray()));
                                params.add(c.createArrayOf("text", v.get(1).toArray()));
                                params.add(c.createArrayOf("text", v.get(2).toArray()));
                            }
                            case "criterion" -> {
                                any.add("(criterion = any(?) and criterion_name = any(?))");
                                params.add(c.createArrayOf("int4", v.get(0).toArray()));
                                params.add(c.createArrayOf("text", v.get(1).toArray()));
                            }
                            default -> {
                                any.add("rule_code = any(?)");
                                params.add(c.createArrayOf("text", v.get(0).toArray()));
                            }
                        }
                    }
                    shape.append(String.join("|", kinds.keySet())).append(';');
                    where.append(" and (").append(String.join(" or ", any)).append(')');
                }
                PreparedStatement[] statements = byShape.computeIfAbsent(shape.toString(),
                        k -> pageAndCount(c, where.toString()));
                for (PreparedStatement st : statements) {
                    for (int i = 0; i < params.size(); i++) {
                        st.setObject(i + 1, params.get(i));
                    }
                    readAll(st);
                }
            };
        });
    }

    private ReadBenchmark() {
    }
}
