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
 * Options ({@code --name=value}): seasons ({@code communes x communes-per-inspection}, comma-separated), rate
 * (inspections per second), read-tasks, read-concurrency, read-seconds, read-rate.
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
                "NTM_INSPECTION_PORT", "NTM_TASK_PORT")) {
            ports.put(v, Ports.freePort());
            env.put(v, ports.get(v).toString());
        }
        env.put("NTM_DATA_DIR", work.resolve("data").toString());
        // the inspections are dated 2024 (districts still existed), so their tasks are due in the past: the deadline
        // job would otherwise mark them all overdue in the middle of the measurement
        env.put("NTM_TASKS_DEADLINE_CHECK_EVERY", "off");
        Launcher launcher = new Launcher(env, root, true);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stopAll));
        launcher.startAll();
        String inspection = "http://127.0.0.1:" + ports.get("NTM_INSPECTION_PORT");
        String task = "http://127.0.0.1:" + ports.get("NTM_TASK_PORT");
        String bootstrap = "127.0.0.1:" + ports.get("NTM_KAFKA_PORT");
        String taskJdbc = "jdbc:postgresql://127.0.0.1:" + ports.get("NTM_PG_PORT") + "/task";
        String dbPassword = Files.readString(work.resolve("data/secrets/db-password")).trim();
        String admin = JwtKeys.in(work.resolve("data/keys")).tokens().token("benchmark", "admin").bearer();

        line("# NTM benchmarks");
        line("");
        line("Run at " + Instant.now() + " on " + Machine.describe() + ".");
        line("Services, the Kafka broker and the load generator each run in their own JVM; PostgreSQL 17 from the"
                + " embedded binaries; all on this one machine.");
        line("");

        Thread.sleep(5000);
        line("## Footprint at idle");
        line("");
        line("| service | start to ready (ms) | resident memory at idle (MiB) | target |");
        line("|---|---|---|---|");
        Map<String, Long> pids = launcher.servicePids();
        launcher.readyMillis().forEach((svc, ms) -> line(String.format("| %s | %d | %.0f | < 250 MiB |", svc, ms,
                Machine.rssMiB(pids.get(svc)))));
        line("");

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

        PipelineBenchmark pipeline = new PipelineBenchmark(inspection, task, bootstrap, admin, Register.load(root));
        double rate = Double.parseDouble(option("rate", "50"));
        line("## Pipeline: finalize → every task visible through GET /tasks");
        line("");
        line("Each season is a number of communes split into inspections of N communes (`communes x N`), 19"
                + " findings per commune (13 met, 6 not met), prepared through the API, then finalized at a fixed rate.");
        line("");
        line("| season (communes x per inspection) | inspections | rate (insp/s) | tasks | p50 ms | p95 ms | p99 ms |"
                + " max ms | tasks/s sustained | max consumer lag (events) |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        List<PipelineBenchmark.Result> results = new ArrayList<>();
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
        RawLimits.Result raw = RawLimits.measure(taskJdbc, dbPassword, bootstrap, (int) rawRows);
        PipelineBenchmark.Result biggest = results.get(results.size() - 1);
        line("### Raw limits of the same machine (" + rawRows + " rows / events)");
        line("");
        line("| measure | raw limit | ours | ours / raw | target |");
        line("|---|---|---|---|---|");
        line(String.format("| task rows inserted per second (batched JDBC, same table shape and indexes) | %.0f |"
                + " %.0f | %.1f%% | ≥ 30%% |", raw.jdbcRowsPerSecond(), biggest.tasksPerSecond(),
                100 * biggest.tasksPerSecond() / raw.jdbcRowsPerSecond()));
        double inspectionsPerSecond = biggest.tasksPerSecond() * biggest.inspections() / Math.max(1, biggest.tasks());
        double eventsPerSecond = biggest.tasksPerSecond() + inspectionsPerSecond;
        line(String.format("| events produced per second (plain producer, acks=all; ours: one inspection event and"
                + " one ntm.task.created per task, through the outboxes) | %.0f | %.0f | %.1f%% | — |",
                raw.kafkaProducedPerSecond(), eventsPerSecond, 100 * eventsPerSecond / raw.kafkaProducedPerSecond()));
        line(String.format("| events consumed per second (plain consumer) | %.0f | — | — | — |",
                raw.kafkaConsumedPerSecond()));
        for (PipelineBenchmark.Result r : results) {
            line(String.format("| finalize-to-visible p99 at %.0f inspections/s, %d communes | — | %.0f ms | — |"
                    + " < 250 ms |", rate, r.communes(), r.p99()));
        }
        line("");

        int readTasks = Integer.parseInt(option("read-tasks", "1000000"));
        int concurrency = Integer.parseInt(option("read-concurrency", "16"));
        int seconds = Integer.parseInt(option("read-seconds", "20"));
        double readRate = Double.parseDouble(option("read-rate", "200"));
        ReadBenchmark.seed(taskJdbc, dbPassword, readTasks);
        Path urls = ReadBenchmark.urls(task, work);
        ReadBenchmark.http(urls, admin, concurrency, 5, 0); // warm-up
        ReadBenchmark.Load closed = ReadBenchmark.http(urls, admin, concurrency, seconds, 0);
        ReadBenchmark.Load open = ReadBenchmark.http(urls, admin, concurrency * 4, seconds, readRate);
        ReadBenchmark.Load direct = ReadBenchmark.sql(taskJdbc, dbPassword, concurrency, seconds);
        line("## Reads: filtered GET /tasks with " + readTasks + " more tasks stored");
        line("");
        line("Filter: one assignee (type + code), status OPEN, sorted by due date, page of 20, with the total count.");
        line("");
        line("| load | requests/s | p50 ms | p99 ms | errors | target |");
        line("|---|---|---|---|---|---|");
        line(String.format("| GET /tasks, %d concurrent (load generator in its own JVM) | %.0f | %.1f | %.1f | %d | — |",
                concurrency, closed.rps(), closed.p50(), closed.p99(), closed.errors()));
        line(String.format("| GET /tasks at a fixed %.0f requests/s | %.0f | %.1f | %.1f | %d | p99 < 50 ms |",
                readRate, open.rps(), open.p50(), open.p99(), open.errors()));
        line(String.format("| same SQL (page + count) over JDBC, %d concurrent | %.0f | %.1f | %.1f | — | raw limit |",
                concurrency, direct.rps(), direct.p50(), direct.p99()));
        line(String.format("| ours / raw | %.1f%% | | | | |", 100 * closed.rps() / direct.rps()));
        line("");
        Path searches = ReadBenchmark.searchUrls(task, work);
        ReadBenchmark.http(searches, admin, concurrency, 5, 0); // warm-up
        ReadBenchmark.Load searchClosed = ReadBenchmark.http(searches, admin, concurrency, seconds, 0);
        ReadBenchmark.Load searchOpen = ReadBenchmark.http(searches, admin, concurrency * 4, seconds, readRate);
        line("### Search: GET /tasks?q= over the same tasks");
        line("");
        line("q: one of " + ReadBenchmark.COMMUNES + " communes' two-word names as people type it (no diacritics,"
                + " lower case; every fourth with diacritics in capitals), about " + readTasks / ReadBenchmark.COMMUNES
                + " matching tasks each, no other filter, sorted by due date, page of 20, with the total count.");
        line("");
        line("| load | requests/s | p50 ms | p99 ms | errors | target |");
        line("|---|---|---|---|---|---|");
        line(String.format("| GET /tasks?q=, %d concurrent | %.0f | %.1f | %.1f | %d | — |",
                concurrency, searchClosed.rps(), searchClosed.p50(), searchClosed.p99(), searchClosed.errors()));
        line(String.format("| GET /tasks?q= at a fixed %.0f requests/s | %.0f | %.1f | %.1f | %d | p99 < 50 ms |",
                readRate, searchOpen.rps(), searchOpen.p50(), searchOpen.p99(), searchOpen.errors()));
        line("");
        sampling.set(false);
        line("## Footprint under load");
        line("");
        line("| service | peak resident memory during the runs above (MiB) |");
        line("|---|---|");
        peakRss.forEach((svc, mib) -> line(String.format("| %s | %.0f |", svc, mib)));
        line("");
        Path out = root.resolve("benchmarks/target/benchmark-report.md");
        Files.writeString(out, String.join("\n", report) + "\n", StandardCharsets.UTF_8);
        System.out.println("\nReport written to " + out);
        launcher.stopAll();
    }

    private void line(String text) {
        report.add(text);
        System.out.println(text);
    }
}
