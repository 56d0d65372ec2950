package vn.ntm.bench;

import vn.ntm.localinfra.JwtKeys;
import vn.ntm.localinfra.Launcher;
import vn.ntm.localinfra.Ports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs every benchmark of BENCHMARKS.md against a stack started like ./run.sh (services and the Kafka broker in
 * their own processes) and prints our figures beside the raw limits of the same PostgreSQL and broker.
 * Options ({@code --name=value}): seasons ({@code communes x communes-per-inspection}, comma-separated, or
 * {@code none} for the reads only), rate (inspections per second), today-seasons (the same on today's units,
 * default 200x1; off to skip), read-tasks, read-concurrency, read-seconds, read-rate, reads ({@code off}: no read or
 * search benchmark), drain-events, saturation ({@code off} to skip), saturation-seconds, visibility ({@code db},
 * the default: the pipeline watches task-service's table for the tasks and then reads each inspection's tasks once
 * through GET /tasks; {@code api}: it polls GET /tasks until they are all there, as before 2026-11-29).
 */
public final class BenchmarkMain {
    private final Map<String, String> options = new HashMap<>();
    private final List<String> report = new ArrayList<>();
    private final Map<String, Double> peakRss = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        BenchmarkMain main = new BenchmarkMain();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            main.options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        main.run();
        System.exit(0);
    }

    private void peakMemory() {
        line("## Footprint under load");
        line("");
        line("| service | peak resident memory during the runs above (MiB) |");
        line("|---|---|");
        peakRss.forEach((svc, mib) -> line(String.format("| %s | %.0f |", svc, mib)));
    }

    private String option(String name, String defaultValue) {
        return options.getOrDefault(name, defaultValue);
    }

    private void run() throws Exception {
        Path root = Path.of(System.getProperty("ntm.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createDirectories(root.resolve("benchmarks/target/run-" + System.currentTimeMillis()));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("NTM_DB_HOST");
        env.remove("KAFKA_BOOTSTRAP_SERVERS");
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String v : List.of("NTM_PG_PORT", "NTM_KAFKA_PORT", "NTM_KAFKA_CONTROLLER_PORT", "NTM_CRITERIA_PORT",
                "NTM_INSPECTION_PORT", "NTM_TASK_PORT", "NTM_CRITERIA_MANAGEMENT_PORT",
                "NTM_INSPECTION_MANAGEMENT_PORT", "NTM_TASK_MANAGEMENT_PORT")) {
            ports.put(v, Ports.freePort());
            env.put(v, ports.get(v).toString());
        }
        env.put("NTM_DATA_DIR", work.resolve("data").toString());
        // the inspections are dated 2024 (districts still existed), so their tasks are due in the past: the deadline
        // job would otherwise mark them all overdue in the middle of the measurement
        env.put("NTM_TASKS_DEADLINE_CHECK_EVERY", "off");
        Launcher launcher = new Launcher(env, root, true);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stopAll));
        long launchStart = System.nanoTime();
        launcher.startAll();
        long launchMillis = (System.nanoTime() - launchStart) / 1_000_000;
        String inspection = "http://127.0.0.1:" + ports.get("NTM_INSPECTION_PORT");
        String task = "http://127.0.0.1:" + ports.get("NTM_TASK_PORT");
        String bootstrap = "127.0.0.1:" + ports.get("NTM_KAFKA_PORT");
        String taskJdbc = "jdbc:postgresql://127.0.0.1:" + ports.get("NTM_PG_PORT") + "/task";
        String dbPassword = Files.readString(work.resolve("data/secrets/db-password")).trim();
        String admin = JwtKeys.in(work.resolve("data/keys")).tokens().token("benchmark", "admin").bearer();

        line("# NTM benchmarks");
        line("");
        line("Run at " + Instant.now() + " on " + Machine.describe() + "; load average before the run: "
                + Machine.loadAverage() + ".");
        line("Services, the Kafka broker and the load generator each run in their own JVM; PostgreSQL 17 from the"
                + " embedded binaries; all on this one machine.");
        line("");

        Thread.sleep(5000);
        if (option("dashboards", "false").equals("true")) {
            dashboards(work, task, taskJdbc, dbPassword, admin);
            launcher.stopAll();
            return;
        }
        line("## Footprint at idle");
        line("");
        line("| service | start to ready (ms) | resident memory at idle (MiB) | target |");
        line("|---|---|---|---|");
        Map<String, Long> pids = launcher.servicePids();
        Map<String, Double> idleRss = new LinkedHashMap<>();
        launcher.readyMillis().forEach((svc, ms) -> {
            idleRss.put(svc, Machine.rssMiB(pids.get(svc)));
            line(String.format("| %s | %d | %.0f | ≤ 6 s, ≤ 180 MiB |", svc, ms, idleRss.get(svc)));
        });
        line(String.format("| launcher: PostgreSQL, Kafka and the three services, to all ready | %d | — | ≤ 15 s |",
                launchMillis));
        line("");
        // --footprint-only: start, measure at idle, stop (no fixed ports, unlike ./run.sh): for A/B runs of JVM options
        // (NTM_JAVA_OPTS) and configuration; prints each service's start phases from its log and its memory by kind
        line("First start (fresh data: criteria-service seeds the register before it is ready):");
        line("");
        footprint(work, pids);
        if (option("footprint-only", "false").equals("true")) {
            line("Load average after: " + Machine.loadAverage() + ".");
            line("");
            launcher.stopAll();
            // a restart on the same data, as ./run.sh without --fresh: migrations and the seed are done
            Launcher again = new Launcher(env, root, false);
            long againStart = System.nanoTime();
            again.startAll();
            long againMillis = (System.nanoTime() - againStart) / 1_000_000;
            Thread.sleep(5000);
            line(String.format("Restart on the same data: launcher to all ready %d ms; services ready after %s ms;"
                    + " load average %s.", againMillis, again.readyMillis(), Machine.loadAverage()));
            line("");
            footprint(work, again.servicePids());
            again.stopAll();
            return;
        }

        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                pids.forEach((svc, pid) -> peakRss.merge(svc, Machine.rssMiB(pid), Math::max));
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        double rate = Double.parseDouble(option("rate", "50"));
        // --seasons=none: only the reads (and the footprint); no pipeline, raw limits, drain or saturation
        boolean pipelineRun = !option("seasons", "").equals("none");
        List<PipelineBenchmark.Result> results = new ArrayList<>();
        List<PipelineBenchmark.Result> todayResults = new ArrayList<>();
        RawLimits.Result raw = null;
        PipelineBenchmark.Result biggest = null;
        List<PipelineBenchmark.Step> steps = List.of();
        if (pipelineRun) {
            PipelineBenchmark pipeline = new PipelineBenchmark(inspection, task, bootstrap, admin, Register.load(root),
                    option("visibility", "db").equals("api") ? null : new PipelineBenchmark.Database(taskJdbc, dbPassword));
            line("## Pipeline: finalize → every task visible through GET /tasks");
            line("");
            line("Each season is a number of communes split into inspections of N communes (`communes x N`), 19"
                    + " findings per commune (13 met, 6 not met), prepared through the API, then finalized at a fixed rate.");
            line("");
            line("| season (communes x per inspection) | inspections | rate (insp/s) | tasks | p50 ms | p95 ms | p99 ms |"
                    + " max ms | tasks/s sustained | max consumer lag (events) |");
            line("|---|---|---|---|---|---|---|---|---|---|");
            // the same shape on today's units (from 2025-07-01), first: the 2024 seasons below create each task for the
            // successor of a ceased unit, and had they run first, these communes would hold their open tasks and this
            // season would measure re-inspection settlement instead of creation
            Register today = Register.loadToday(root);
            int todayScope = 0;
            String todaySeasons = option("today-seasons", "200x1");
            for (String season : todaySeasons.equals("off") ? new String[0] : todaySeasons.split(",")) {
                String[] parts = season.trim().split("x");
                int communes = Integer.parseInt(parts[0]);
                int perInspection = parts.length > 1 ? Integer.parseInt(parts[1]) : 10;
                PipelineBenchmark.Result r = pipeline.run(today, communes, perInspection, rate, todayScope);
                todayScope += r.inspections() + 1;
                todayResults.add(r);
                line(String.format("| %d x %d, today's units (no successor needed) | %d | %.0f | %d | %.0f | %.0f |"
                        + " %.0f | %.0f | %.0f | %d |", r.communes(), perInspection, r.inspections(),
                        r.ratePerSecond(), r.tasks(), r.p50(), r.p95(), r.p99(), r.max(), r.tasksPerSecond(),
                        r.maxConsumerLag()));
            }
            int firstScope = 0;
            for (String season : option("seasons", "200x1,8000x10").split(",")) {
                String[] parts = season.trim().split("x");
                int communes = Integer.parseInt(parts[0]);
                int perInspection = parts.length > 1 ? Integer.parseInt(parts[1]) : 10;
                PipelineBenchmark.Result r = pipeline.run(communes, perInspection, rate, firstScope);
                firstScope += r.inspections() + 1;
                results.add(r);
                line(String.format("| %d x %d | %d | %.0f | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %d |", r.communes(),
                        perInspection, r.inspections(), r.ratePerSecond(), r.tasks(), r.p50(), r.p95(), r.p99(), r.max(),
                        r.tasksPerSecond(), r.maxConsumerLag()));
            }
            line("");
            long rawRows = Math.max(20_000, results.get(results.size() - 1).tasks());
            raw = RawLimits.measure(taskJdbc, dbPassword, bootstrap, (int) rawRows);
            biggest = results.get(results.size() - 1);
            line("### Raw limits of the same machine (" + rawRows + " rows / events)");
            line("");
            line("| measure | raw limit | ours | ours / best raw | target |");
            line("|---|---|---|---|---|");
            line(String.format("| task rows inserted per second, batched JDBC (same table shape and indexes) | %.0f | — |"
                    + " — | — |", raw.jdbcRowsPerSecond()));
            line(String.format("| task rows inserted per second, COPY (same rows, table and indexes) | %.0f | — | — | — |",
                    raw.copyRowsPerSecond()));
            line(String.format("| task rows inserted per second, INSERT … SELECT FROM unnest(arrays), 4,000 rows a"
                    + " statement (how task-service writes a batch) | %.0f | — | — | — |", raw.unnestRowsPerSecond()));
            line(String.format("| pipeline tasks per second (%d x %d season) vs the best insert (%s) | %.0f | %.0f |"
                    + " %.1f%% | ≥ 50%% |", biggest.communes(), perInspection(biggest), raw.bestInsertName(), raw.bestInsertRowsPerSecond(), biggest.tasksPerSecond(),
                    100 * biggest.tasksPerSecond() / raw.bestInsertRowsPerSecond()));
            double inspectionsPerSecond = biggest.tasksPerSecond() * biggest.inspections() / Math.max(1, biggest.tasks());
            double eventsPerSecond = biggest.tasksPerSecond() + inspectionsPerSecond;
            line(String.format("| events produced per second (plain producer, acks=all; ours: one inspection event and"
                    + " one ntm.task.created per task, through the outboxes) | %.0f | %.0f | %.1f%% | — |",
                    raw.kafkaProducedPerSecond(), eventsPerSecond, 100 * eventsPerSecond / raw.kafkaProducedPerSecond()));
            line(String.format("| events consumed per second (plain consumer; ours: inspection events into tasks) | %.0f |"
                    + " %.0f | %.1f%% | — |", raw.kafkaConsumedPerSecond(), inspectionsPerSecond,
                    100 * inspectionsPerSecond / raw.kafkaConsumedPerSecond()));
            int drainEvents = Integer.parseInt(option("drain-events", "1000"));
            if (drainEvents > 0) {
                long tasksBefore = ReadBenchmark.countTasks(taskJdbc, dbPassword);
                ConsumerDrain.Result drain = ConsumerDrain.measure(bootstrap, taskJdbc, dbPassword, drainEvents);
                double drainTasksPerSecond = (ReadBenchmark.countTasks(taskJdbc, dbPassword) - tasksBefore)
                        / drain.seconds();
                line(String.format("| task-service draining %d inspection events published at once, events/s vs the plain"
                        + " consumer | %.0f | %.1f | %.2f%% | — |", drainEvents, raw.kafkaConsumedPerSecond(),
                        drain.eventsPerSecond(), 100 * drain.eventsPerSecond() / raw.kafkaConsumedPerSecond()));
                line(String.format("| the same drain's tasks/s vs the best insert (%s) | %.0f | %.0f | %.1f%% | — |",
                        raw.bestInsertName(), raw.bestInsertRowsPerSecond(), drainTasksPerSecond,
                        100 * drainTasksPerSecond / raw.bestInsertRowsPerSecond()));
            }
            for (PipelineBenchmark.Result r : results) {
                line(String.format("| finalize-to-visible p99 at %.0f inspections/s, %d communes | — | %.0f ms | — |"
                        + " ≤ 250 ms |", rate, r.communes(), r.p99()));
            }
            for (PipelineBenchmark.Result r : todayResults) {
                line(String.format("| finalize-to-visible p99 at %.0f inspections/s, %d communes, today's units | — |"
                        + " %.0f ms | — | ≤ 250 ms |", rate, r.communes(), r.p99()));
            }
            line("");

            String saturation = option("saturation", "25,50,75,100,150,200,300");
            if (!saturation.equals("off")) {
                List<Double> rates = java.util.Arrays.stream(saturation.split(",")).map(Double::parseDouble).toList();
                steps = pipeline.saturation(rates, Integer.parseInt(option("saturation-seconds", "10")), 1000,
                        firstScope);
                line("### Saturation: one-commune inspections, arrival rate stepped up until p99 > 1 s");
                line("");
                line("| offered (insp/s) | inspections | p50 ms | p99 ms | tasks/s | max consumer lag |");
                line("|---|---|---|---|---|---|");
                for (PipelineBenchmark.Step step : steps) {
                    PipelineBenchmark.Result r = step.result();
                    line(String.format("| %.0f | %d | %.0f | %.0f | %.0f | %d |", step.rate(), r.inspections(), r.p50(),
                            r.p99(), r.tasksPerSecond(), r.maxConsumerLag()));
                }
                line("");
            }

        }

        if (option("reads", "on").equals("off")) {
            // --reads=off: the pipeline phases alone (to profile them), no read or search benchmark
            sampling.set(false);
            peakMemory();
            line("");
            line("Load average after the run: " + Machine.loadAverage() + ".");
            Files.writeString(root.resolve("benchmarks/target/benchmark-report.md"), String.join("\n", report) + "\n",
                    StandardCharsets.UTF_8);
            launcher.stopAll();
            return;
        }
        int readTasks = Integer.parseInt(option("read-tasks", "1000000"));
        int concurrency = Integer.parseInt(option("read-concurrency", "16"));
        int seconds = Integer.parseInt(option("read-seconds", "20"));
        double readRate = Double.parseDouble(option("read-rate", "200"));
        ReadBenchmark.seed(taskJdbc, dbPassword, readTasks);
        Path urls = ReadBenchmark.urls(task, work);
        ReadBenchmark.http(urls, admin, concurrency, 5, 0); // warm-up
        ReadBenchmark.Load closed = ReadBenchmark.http(urls, admin, concurrency, seconds, 0);
        ReadBenchmark.Load open = ReadBenchmark.http(urls, admin, concurrency, seconds, readRate);
        ReadBenchmark.Load direct = ReadBenchmark.sql(taskJdbc, dbPassword, concurrency, seconds);
        // a light native client (ab, from Debian's apache2-utils) when installed: the JVM generator shares the cores
        // task-service's CPU time per request under ab: how much work a request costs whatever else the machine runs
        long taskPid = pids.get("task-service");
        double cpuBefore = Machine.memory(taskPid).cpuSeconds();
        ReadBenchmark.Load ab = ReadBenchmark.ab(Files.readAllLines(urls).get(0), admin, 8, seconds);
        double abCpuMillis = ab == null ? 0 : 1000 * (Machine.memory(taskPid).cpuSeconds() - cpuBefore)
                / Math.max(1, ab.rps() * seconds);
        ReadBenchmark.Load abNoCount = ReadBenchmark.ab(Files.readAllLines(urls).get(0) + "&count=false", admin, 8,
                seconds);
        line("## Reads: filtered GET /tasks with " + readTasks + " more tasks stored");
        line("");
        line("Filter: one assignee (type + code), status OPEN, sorted by due date, page of 20, with the total count.");
        line("");
        line("| load | requests/s | p50 ms | p99 ms | errors | target |");
        line("|---|---|---|---|---|---|");
        line(String.format("| GET /tasks, %d concurrent (load generator in its own JVM) | %.0f | %.1f | %.1f | %d | — |",
                concurrency, closed.rps(), closed.p50(), closed.p99(), closed.errors()));
        line(String.format("| GET /tasks at a fixed %.0f requests/s | %.0f | %.1f | %.1f | %d | p99 ≤ 30 ms |",
                readRate, open.rps(), open.p50(), open.p99(), open.errors()));
        if (ab != null) {
            line(String.format("| GET /tasks, 8 concurrent, ab (one URL; task-service CPU %.1f ms a request) | %.0f |"
                    + " %.1f | %.1f | %d | — |", abCpuMillis, ab.rps(), ab.p50(), ab.p99(), ab.errors()));
        }
        if (abNoCount != null) {
            line(String.format("| GET /tasks?count=false, 8 concurrent, ab | %.0f | %.1f | %.1f | %d | — |",
                    abNoCount.rps(), abNoCount.p50(), abNoCount.p99(), abNoCount.errors()));
        }
        line(String.format("| same SQL (page + count) over JDBC, %d concurrent | %.0f | %.1f | %.1f | — | raw limit |",
                concurrency, direct.rps(), direct.p50(), direct.p99()));
        double bestClosed = Math.max(closed.rps(), ab == null ? 0 : ab.rps());
        line(String.format("| ours (best closed loop) / raw | %.1f%% | | | | ≥ 35%% |", 100 * bestClosed / direct.rps()));
        if (ab == null) {
            line("");
            line("(`ab` not found: install Debian's apache2-utils for the light-client figures.)");
        }
        line("");
        line("### Search: GET /tasks?q= over the same tasks");
        line("");
        line("Commune name: one of " + ReadBenchmark.COMMUNES + " communes' two-word names as people type it (no"
                + " diacritics, lower case; every fourth with diacritics in capitals), about "
                + 2 * readTasks / ReadBenchmark.COMMUNES + " matching tasks each (\"thuong cuong\" finds Thượng Cường"
                + " and Cường Thượng). Title word: one word alone, every fourth in every title (\"hoan thanh\"), the"
                + " others a syllable of the names (about 2% of the tasks, \"cuong\"). No other filter, sorted by due"
                + " date, page of 20, with the total count (a search counts up to 1,000). `ab`: one URL of each"
                + " kind, 8 concurrent.");
        line("");
        line("| load | requests/s | p50 ms | p99 ms | errors | target |");
        line("|---|---|---|---|---|---|");
        for (String kind : List.of("commune name", "title word")) {
            Path searches = kind.equals("commune name") ? ReadBenchmark.searchUrls(task, work)
                    : ReadBenchmark.titleWordUrls(task, work);
            ReadBenchmark.http(searches, admin, concurrency, 5, 0); // warm-up
            ReadBenchmark.Load searchClosed = ReadBenchmark.http(searches, admin, concurrency, seconds, 0);
            ReadBenchmark.Load searchOpen = ReadBenchmark.http(searches, admin, concurrency, seconds, readRate);
            String one = Files.readAllLines(searches).get(1);
            ReadBenchmark.Load searchAb = ReadBenchmark.ab(one, admin, 8, seconds);
            line(String.format("| q = %s, %d concurrent (JVM generator) | %.0f | %.1f | %.1f | %d | — |", kind,
                    concurrency, searchClosed.rps(), searchClosed.p50(), searchClosed.p99(), searchClosed.errors()));
            line(String.format("| q = %s at a fixed %.0f requests/s (open loop) | %.0f | %.1f | %.1f | %d |"
                    + " p99 ≤ 30 ms |", kind, readRate, searchOpen.rps(), searchOpen.p50(), searchOpen.p99(),
                    searchOpen.errors()));
            if (searchAb != null) {
                line(String.format("| q = %s (`%s`), 8 concurrent, ab | %.0f | %.1f | %.1f | %d | — |", kind,
                        one.substring(one.indexOf("q=")).replaceAll("&.*", ""), searchAb.rps(), searchAb.p50(),
                        searchAb.p99(), searchAb.errors()));
            }
            ReadBenchmark.Load searchSql = ReadBenchmark.sqlSearch(taskJdbc, dbPassword, searches, concurrency,
                    seconds);
            line(String.format("| q = %s, same SQL (word lookup, page + count) over JDBC, %d concurrent | %.0f | %.1f |"
                    + " %.1f | — | raw limit |", kind, concurrency, searchSql.rps(), searchSql.p50(), searchSql.p99()));
            double bestSearch = Math.max(searchClosed.rps(), searchAb == null ? 0 : searchAb.rps());
            line(String.format("| q = %s, ours (best closed loop) / raw | %.1f%% | | | | ≥ 35%% |", kind,
                    100 * bestSearch / searchSql.rps()));
        }
        line("");
        line("Load average after the reads: " + Machine.loadAverage() + ".");
        line("");
        sampling.set(false);
        peakMemory();
        line("");
        line("## Targets (issue 15)");
        line("");
        line("| figure | ours | raw limit | target |");
        line("|---|---|---|---|");
        results.stream().filter(r -> perInspection(r) == 1).findFirst().ifPresent(r ->
                line(String.format("| finalize→visible p99, %d × 1 at %.0f insp/s | %.0f ms | — | ≤ 250 ms |",
                        r.communes(), rate, r.p99())));
        if (!steps.isEmpty()) {
            double best = steps.stream().filter(st -> st.result().p99() <= 1000).mapToDouble(PipelineBenchmark.Step::rate)
                    .max().orElse(0);
            line(String.format("| saturation rate (p99 < 1 s), one-commune inspections | %s insp/s | — | ≥ 150 |",
                    best == 0 ? "< " + steps.get(0).rate() : String.format("%.0f", best)));
        }
        if (biggest != null) {
            line(String.format("| %d × %d: last task visible after first finalize | %.1f s | — | ≤ 20 s |",
                    biggest.communes(), perInspection(biggest),
                    biggest.lastVisibleSeconds()));
            line(String.format("| pipeline tasks/s ÷ best raw insert (%s, same run) | %.0f | %.0f | ≥ 50%% (%.1f%%) |",
                    raw.bestInsertName(), biggest.tasksPerSecond(), raw.bestInsertRowsPerSecond(),
                    100 * biggest.tasksPerSecond() / raw.bestInsertRowsPerSecond()));
        }
        line(String.format("| GET /tasks closed loop ÷ same SQL direct | %.0f/s | %.0f/s | ≥ 35%% (%.1f%%) |",
                bestClosed, direct.rps(), 100 * bestClosed / direct.rps()));
        line(String.format("| GET /tasks p99 at a fixed %.0f req/s, %d more tasks | %.1f ms | %.1f ms (SQL p99) |"
                + " ≤ 30 ms |", readRate, readTasks, open.p99(), direct.p99()));
        line(String.format("| idle RSS per service | %.0f–%.0f MiB | — | ≤ 180 MiB |",
                idleRss.values().stream().mapToDouble(Double::doubleValue).min().orElse(0),
                idleRss.values().stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        line(String.format("| service start to ready (three at once) / launcher to all ready | %d–%d ms / %d ms | — |"
                + " ≤ 6 s / ≤ 15 s |", launcher.readyMillis().values().stream().mapToLong(Long::longValue).min()
                .orElse(0), launcher.readyMillis().values().stream().mapToLong(Long::longValue).max().orElse(0),
                launchMillis));
        line("");
        line("Load average after the run: " + Machine.loadAverage() + ".");
        line("");
        Path out = root.resolve("benchmarks/target/benchmark-report.md");
        Files.writeString(out, String.join("\n", report) + "\n", StandardCharsets.UTF_8);
        System.out.println("\nReport written to " + out);
        launcher.stopAll();
    }

    /**
     * {@code ./bench.sh dashboards}: the province dashboard on national volume alone (issue 25; options
     * dashboard-tasks, default 1,000,000; dashboard-seconds, 15; dashboard-concurrency, 2), over HTTP in a closed loop
     * beside its SQL statements alone over JDBC, the load average beside every figure.
     */
    private void dashboards(Path work, String task, String taskJdbc, String dbPassword, String admin) throws Exception {
        int tasks = Integer.parseInt(option("dashboard-tasks", "1000000"));
        int seconds = Integer.parseInt(option("dashboard-seconds", "15"));
        int concurrency = Integer.parseInt(option("dashboard-concurrency", "2"));
        line("## Dashboards: GET /dashboards/provinces/{code} on national volume (issue 25)");
        line("");
        line("Loaded straight into task-service's database: " + DashboardBenchmark.seed(taskJdbc, dbPassword, tasks)
                + "; load average after loading " + Machine.loadAverage() + ".");
        line("");
        line(String.format("Day %s, set %s; closed loop, %d concurrent, %d s each (after a %d s warm-up).",
                DashboardBenchmark.AT, DashboardBenchmark.SET, concurrency, seconds, Math.min(seconds, 5)));
        line("");
        line("| province | communes | HTTP req/s | HTTP p50 ms | HTTP p99 ms | load average | SQL alone req/s |"
                + " SQL p50 ms | SQL p99 ms | load average |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        for (DashboardBenchmark.Province p : DashboardBenchmark.provinces(taskJdbc, dbPassword)) {
            Path urls = DashboardBenchmark.urls(task, p, work);
            ReadBenchmark.http(urls, admin, concurrency, Math.min(seconds, 5), 0); // warm-up
            ReadBenchmark.Load http = ReadBenchmark.http(urls, admin, concurrency, seconds, 0);
            String httpLoad = Machine.loadAverage();
            ReadBenchmark.Load sql = DashboardBenchmark.sql(taskJdbc, dbPassword, p, concurrency, seconds);
            String sqlLoad = Machine.loadAverage();
            line(String.format("| %s (%s) | %d | %.1f%s | %.1f | %.1f | %s | %.1f | %.1f | %.1f | %s |", p.name(),
                    p.code(), p.communes(), http.rps(), http.errors() > 0 ? " (" + http.errors() + " errors)" : "",
                    http.p50(), http.p99(), httpLoad, sql.rps(), sql.p50(), sql.p99(), sqlLoad));
        }
        line("");
        line("## Commune profile: GET /communes/{code}/profile on the same volume (issue 25)");
        line("");
        line("| communes asked | HTTP req/s | HTTP p50 ms | HTTP p99 ms | load average |");
        line("|---|---|---|---|---|");
        Path profiles = DashboardBenchmark.profileUrls(task, taskJdbc, dbPassword, work);
        ReadBenchmark.http(profiles, admin, concurrency, Math.min(seconds, 5), 0); // warm-up
        ReadBenchmark.Load profile = ReadBenchmark.http(profiles, admin, concurrency, seconds, 0);
        line(String.format("| 300 (one after another) | %.1f%s | %.1f | %.1f | %s |", profile.rps(),
                profile.errors() > 0 ? " (" + profile.errors() + " errors)" : "", profile.p50(), profile.p99(),
                Machine.loadAverage()));
        line("");
        Path out = work.getParent().resolve("dashboard-report.md");
        Files.writeString(out, String.join("\n", report) + "\n", StandardCharsets.UTF_8);
        System.out.println("\nReport written to " + out);
    }

    /** Start phases (seconds from the start Quarkus counts from), CPU time used and resident memory by kind of each service at idle. */
    private void footprint(Path work, Map<String, Long> pids) throws Exception {
        Path logs = work.resolve("data/logs");
        line("| service | Flyway's last line (s) | Hibernate's last line (s) | SmallRye Kafka last line (s) | \"started in\""
                + " (s) | CPU used (s) | RSS (MiB) | anon | file | heap committed | metaspace | code | threads |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, Long> e : pids.entrySet()) {
            StartPhases phases = StartPhases.read(logs.resolve(e.getKey() + ".log"));
            Machine.Memory m = Machine.memory(e.getValue());
            if (!m.nmt().isEmpty()) {
                Files.writeString(work.resolve("nmt-" + e.getKey() + "-" + System.currentTimeMillis() + ".txt"), m.nmt());
            }
            line(String.format("| %s | %s | %s | %s | %s | %.1f | %.0f | %.0f | %.0f | %s | %s | %s | %s |", e.getKey(),
                    phases.flyway(), phases.hibernate(), phases.kafka(), phases.started(), m.cpuSeconds(), m.rss(),
                    m.anon(), m.file(),
                    m.jvm("Java Heap"), m.jvm("Class"), m.jvm("Code"), m.threads()));
        }
        line("");
        line("(heap, metaspace (\"Class\") and code are committed MiB from `jcmd VM.native_memory`, shown only when the"
                + " services run with -XX:NativeMemoryTracking=summary in NTM_JAVA_OPTS.)");
        line("");
    }

    /** Communes per inspection of a season (its first inspection is finalized alone, before the measurement). */
    private static long perInspection(PipelineBenchmark.Result r) {
        return Math.max(1, Math.round((double) r.communes() / (r.inspections() + 1)));
    }

    private void line(String text) {
        report.add(text);
        System.out.println(text);
    }
}
