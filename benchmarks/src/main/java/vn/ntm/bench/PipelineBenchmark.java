package vn.ntm.bench;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import vn.ntm.contracts.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Finalizes prepared inspections at a fixed rate and measures, for each, the time until every resulting task is
 * visible through task-service's REST API, the sustained task creation rate and the consumer lag.
 */
final class PipelineBenchmark {
    record Result(int communes, int inspections, double ratePerSecond, long tasks, double p50, double p95,
                  double p99, double max, double tasksPerSecond, long maxConsumerLag, double lastVisibleSeconds) {
    }

    /** One step of a saturation run: the rate offered and what it gave. */
    record Step(double rate, Result result) {
    }

    /**
     * Steps the arrival rate of one-commune inspections up (each step {@code secondsPerStep} of arrivals) until the
     * finalize-to-visible p99 exceeds {@code p99LimitMs} or the rates run out; answers every step run. The highest
     * step under the limit is the saturation rate.
     */
    List<Step> saturation(List<Double> rates, int secondsPerStep, double p99LimitMs, int firstScope) throws Exception {
        List<Step> steps = new ArrayList<>();
        int scope = firstScope;
        for (double rate : rates) {
            int communes = (int) Math.max(20, Math.round(rate * secondsPerStep)) + 1;
            Result r = run(communes, 1, rate, scope);
            scope += r.inspections() + 1;
            steps.add(new Step(rate, r));
            System.out.printf("saturation step: %.0f inspections/s offered, p99 %.0f ms, %.0f tasks/s%n", rate,
                    r.p99(), r.tasksPerSecond());
            if (r.p99() > p99LimitMs) {
                break;
            }
        }
        return steps;
    }

    /** inspection-service fills its copy of the register from criteria-service's events after start-up. */
    private static final Duration REGISTER_WAIT = Duration.ofMinutes(2);
    private final Http http;
    private final String inspections;
    private final String tasks;
    private final String bootstrap;

    private final Register register;
    private final Map<String, String> etags = new ConcurrentHashMap<>();

    /** task-service's database, to watch for tasks without polling its API (null: poll GET /tasks). */
    record Database(String jdbcUrl, String password) {
    }

    private final Database database;

    PipelineBenchmark(String inspectionBase, String taskBase, String bootstrap, String authorization,
                      Register register, Database database) {
        this.database = database;
        this.http = new Http(authorization);
        this.register = register;
        this.inspections = inspectionBase + "/inspections";
        this.tasks = taskBase + "/tasks";
        this.bootstrap = bootstrap;
    }

    /**
     * {@code firstScope}: where in the register's list of {@code communesPerInspection}-commune scopes this season
     * starts (seasons continue where the previous one stopped; a season longer than the list wraps around).
     */
    Result run(int communes, int communesPerInspection, double rate, int firstScope) throws Exception {
        return run(register, communes, communesPerInspection, rate, firstScope);
    }

    /** The same with the units of another register (today's units: no task goes to a successor at creation). */
    Result run(Register units, int communes, int communesPerInspection, double rate, int firstScope)
            throws Exception {
        int count = Math.max(1, communes / communesPerInspection);
        List<String> ids = prepare(units, count, communesPerInspection, firstScope);
        // the first inspection tells how many tasks one inspection of this shape produces
        String first = ids.remove(0);
        finalizeInspection(first);
        long perInspection = awaitStableCount(first);

        Histogram latency = new Histogram(60_000_000_000L, 3);
        ConcurrentLinkedDeque<long[]> pending = new ConcurrentLinkedDeque<>();
        Map<Long, String> idByIndex = new HashMap<>();
        AtomicLong maxLag = new AtomicLong();
        ExecutorService finalizers = Executors.newFixedThreadPool(8);
        // phase marks with the wall clock, to line per-process CPU samples (pidstat) up with the phases
        System.out.println(java.time.Instant.now() + " phase: finalizing " + ids.size() + " inspections at " + rate
                + "/s");
        long start = System.nanoTime();
        long intervalNanos = (long) (1e9 / rate);
        List<Future<?>> sent = new ArrayList<>();
        Thread lagSampler = new Thread(() -> sampleLag(maxLag), "lag-sampler");
        lagSampler.setDaemon(true);
        lagSampler.start();
        for (int i = 0; i < ids.size(); i++) {
            long due = start + i * intervalNanos;
            // park, never spin: the load generator must not eat the cores it measures
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            long index = i;
            idByIndex.put(index, ids.get(i));
            sent.add(finalizers.submit(() -> {
                long t0 = System.nanoTime();
                finalizeInspection(ids.get((int) index));
                pending.add(new long[] {index, t0});
            }));
        }
        int seen = 0;
        long lastVisible = start;
        // Polling GET /tasks for every pending inspection, back to back, cost task-service and this JVM about a third
        // of the machine's CPU during a season (profiled 2026-11-29): the measurement slowed what it measured. By
        // default the tasks are watched in task-service's table, every pending inspection in one query (committed rows
        // are what GET /tasks reads); each inspection's tasks are then read once through GET /tasks, after the season.
        try (java.sql.Connection db = database == null ? null
                : java.sql.DriverManager.getConnection(database.jdbcUrl(), "ntm", database.password())) {
            while (seen < ids.size()) {
                if (db == null) {
                    for (long[] p : new ArrayList<>(pending).subList(0, Math.min(8, pending.size()))) {
                        long total = http.get(tasks + "?inspectionId=" + idByIndex.get(p[0]) + "&size=1")
                                .get("total").asLong();
                        if (total >= perInspection) {
                            lastVisible = System.nanoTime();
                            latency.recordValue(lastVisible - p[1]);
                            pending.remove(p);
                            seen++;
                        }
                    }
                } else if (!pending.isEmpty()) {
                    List<long[]> waiting = new ArrayList<>(pending);
                    Map<String, Long> counts = counts(db, waiting.stream().map(p -> idByIndex.get(p[0])).toList());
                    long now = System.nanoTime();
                    for (long[] p : waiting) {
                        if (counts.getOrDefault(idByIndex.get(p[0]), 0L) >= perInspection) {
                            lastVisible = now;
                            latency.recordValue(now - p[1]);
                            pending.remove(p);
                            seen++;
                        }
                    }
                }
                if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(20)) {
                    throw new IllegalStateException("pipeline did not finish within 20 minutes; " + seen + " of "
                            + ids.size() + " inspections visible");
                }
                Thread.sleep(5);
            }
        }
        System.out.println(java.time.Instant.now() + " phase: every task visible");
        if (database != null) {
            for (String id : ids) {
                long total = http.get(tasks + "?inspectionId=" + id + "&size=1").get("total").asLong();
                if (total < perInspection) {
                    throw new IllegalStateException("inspection " + id + ": " + total + " tasks through GET /tasks, "
                            + perInspection + " in the table");
                }
            }
        }
        for (Future<?> f : sent) {
            f.get();
        }
        finalizers.shutdown();
        lagSampler.interrupt();
        double seconds = (lastVisible - start) / 1e9;
        long taskCount = perInspection * ids.size();
        return new Result(communes, ids.size(), rate, taskCount, ms(latency.getValueAtPercentile(50)),
                ms(latency.getValueAtPercentile(95)), ms(latency.getValueAtPercentile(99)),
                ms(latency.getMaxValue()), taskCount / seconds, maxLag.get(), seconds);
    }

    /** Finalize needs the inspection's ETag; it was read when the inspection was prepared (nothing changed since). */
    private void finalizeInspection(String id) {
        http.send("POST", inspections + "/" + id + "/finalize", Map.of(), 200, Map.of("If-Match", etags.get(id)));
    }

    private List<String> prepare(Register units, int count, int communesPerInspection, int firstScope)
            throws Exception {
        List<Register.Group> scopes = units.inspectionsOf(communesPerInspection);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            created.add(pool.submit(() -> {
                Register.Group scope = scopes.get((firstScope + index) % scopes.size());
                String id = http.createWhenReady(inspections, Fixtures.inspection(index, scope),
                        REGISTER_WAIT).get("id").asText();
                for (Register.Unit commune : scope.communes()) {
                    // findings need If-Match with the inspection's current ETag (each PUT moves it)
                    String etag = http.etag(inspections + "/" + id);
                    http.send("PUT", inspections + "/" + id + "/communes/" + commune.code() + "/findings",
                            Fixtures.findings(), 200, Map.of("If-Match", etag));
                }
                etags.put(id, http.etag(inspections + "/" + id));
                return id;
            }));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : created) {
            ids.add(f.get());
        }
        pool.shutdown();
        return ids;
    }

    private long awaitStableCount(String inspectionId) throws InterruptedException {
        long last = -1;
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            long total = http.get(tasks + "?inspectionId=" + inspectionId + "&size=1").get("total").asLong();
            if (total != last) {
                last = total;
                stableSince = System.nanoTime();
            } else if (total > 0 && System.nanoTime() - stableSince > TimeUnit.SECONDS.toNanos(2)) {
                return total;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("tasks of the first inspection never became visible");
    }

    private void sampleLag(AtomicLong maxLag) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (!Thread.currentThread().isInterrupted()) {
                Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get();
                for (ConsumerGroupListing group : groups) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin
                            .listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    committed.keySet().stream().filter(tp -> tp.topic().equals(Topics.INSPECTION_EVENTS))
                            .forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                    if (latest.isEmpty()) {
                        continue;
                    }
                    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest)
                            .all().get();
                    long lag = 0;
                    for (TopicPartition tp : latest.keySet()) {
                        lag += ends.get(tp).offset() - committed.get(tp).offset();
                    }
                    maxLag.accumulateAndGet(lag, Math::max);
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("lag sampling stopped: " + e.getMessage());
        }
    }

    /** Tasks per inspection id, for these ids, in one query. */
    private static Map<String, Long> counts(java.sql.Connection db, List<String> inspectionIds)
            throws java.sql.SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (java.sql.PreparedStatement q = db.prepareStatement("select inspection_id::text, count(*) from task"
                + " where inspection_id = any(?::uuid[]) group by inspection_id")) {
            q.setArray(1, db.createArrayOf("text", inspectionIds.toArray()));
            try (java.sql.ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
