package vn.ntm.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.ntm.contracts.Topics;
import vn.ntm.localinfra.JwtKeys;
import vn.ntm.localinfra.Launcher;
import vn.ntm.localinfra.Ports;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults injected into a running stack (services, broker and PostgreSQL in their own processes, started like
 * ./run.sh): after each, every finalized inspection has exactly its tasks, none missing and none twice.
 * Set {@code -Dfaults.inspections=N} (profile {@code faults-long}) for longer streams.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {
    private static final Path ROOT = Path.of(System.getProperty("ntm.root", "..")).toAbsolutePath().normalize();
    private static final int STREAM = Integer.getInteger("faults.inspections", 9);
    private static final Map<String, Integer> PORTS = new HashMap<>();
    private static final List<String> FINALIZED = new CopyOnWriteArrayList<>();
    private static Api API;
    private static Launcher launcher;
    private static long tasksPerInspection;

    @BeforeAll
    static void startStack() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("NTM_DB_HOST");
        env.remove("KAFKA_BOOTSTRAP_SERVERS");
        for (String v : List.of("NTM_PG_PORT", "NTM_KAFKA_PORT", "NTM_KAFKA_CONTROLLER_PORT", "NTM_CRITERIA_PORT",
                "NTM_INSPECTION_PORT", "NTM_TASK_PORT")) {
            PORTS.put(v, Ports.freePort());
            env.put(v, PORTS.get(v).toString());
        }
        Path data = Files.createTempDirectory("ntm-faults");
        env.put("NTM_DATA_DIR", data.toString());
        launcher = new Launcher(env, ROOT, true);
        launcher.startAll();
        API = new Api(JwtKeys.in(data.resolve("keys")).tokens().token("fault-it", "admin").bearer());
        // the reference: how many tasks one seed inspection yields with nothing going wrong
        String id = SeedInspection.enter(API, inspections());
        assertThat(SeedInspection.finalize(API, inspections(), id).statusCode()).isEqualTo(200);
        tasksPerInspection = awaitStableTotal(id);
        FINALIZED.add(id);
    }

    @AfterAll
    static void stopStack() {
        if (launcher != null) {
            launcher.stopAll();
        }
    }

    private static String inspections() {
        return "http://127.0.0.1:" + PORTS.get("NTM_INSPECTION_PORT");
    }

    private static String tasks() {
        return "http://127.0.0.1:" + PORTS.get("NTM_TASK_PORT") + "/tasks";
    }

    private static long awaitStableTotal(String inspectionId) throws InterruptedException {
        long last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < TimeUnit.SECONDS.toNanos(2) || last <= 0) {
            long total = API.total(tasks() + "?inspectionId=" + inspectionId);
            if (total != last) {
                last = total;
                stableSince = System.nanoTime();
            }
            Thread.sleep(100);
        }
        return last;
    }

    private static List<String> prepare(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(SeedInspection.enter(API, inspections()));
        }
        return ids;
    }

    private static void finalize(String id) {
        HttpResponse<String> response = SeedInspection.finalize(API, inspections(), id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        FINALIZED.add(id);
    }

    /** Every finalized inspection has exactly the reference number of tasks, each one once. */
    private static void assertEveryInspectionHasExactlyItsTasks() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String id : FINALIZED) {
                assertThat(API.total(tasks() + "?inspectionId=" + id)).as("tasks of inspection %s", id)
                        .isEqualTo(tasksPerInspection);
            }
        });
        for (String id : FINALIZED) {
            HttpResponse<String> page = API.get(tasks() + "?inspectionId=" + id + "&size=" + tasksPerInspection);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode items = API.json(page).get("items");
            Set<String> distinct = new HashSet<>();
            items.forEach(t -> distinct.add(t.get("assignee").get("type").asText() + "|"
                    + t.get("assignee").get("code").asText() + "|" + t.path("communeCode").asText() + "|"
                    + t.path("criterion").asText() + "|" + t.path("title").asText()));
            assertThat(distinct).as("distinct tasks of %s", id).hasSize(items.size());
        }
    }

    @Test
    @Order(1)
    void brokerKilledAndRestartedDuringAStreamOfFinalizations() throws Exception {
        List<String> ids = prepare(STREAM);
        int third = ids.size() / 3;
        ids.subList(0, third).forEach(FaultInjectionIT::finalize);
        launcher.killKafka();
        long t0 = System.nanoTime();
        ids.subList(third, 2 * third).forEach(FaultInjectionIT::finalize);
        System.out.printf("FaultInjectionIT: %d finalizations with the broker down took %d ms%n", third,
                (System.nanoTime() - t0) / 1_000_000);
        Thread.sleep(3000);
        launcher.startKafka();
        ids.subList(2 * third, ids.size()).forEach(FaultInjectionIT::finalize);
        assertEveryInspectionHasExactlyItsTasks();
    }

    @Test
    @Order(2)
    void taskServiceKilledWithSigkillInTheMiddleOfABatchAndRestarted() throws Exception {
        List<String> ids = prepare(STREAM);
        for (int i = 0; i < ids.size(); i++) {
            finalize(ids.get(i));
            if (i == ids.size() / 2) {
                launcher.killService("task-service");
            }
        }
        launcher.restartService("task-service");
        assertEveryInspectionHasExactlyItsTasks();
    }

    @Test
    @Order(3)
    void postgresRestartedUnderLoadGivesQuick503sAndServicesRecoverWithoutRestart() throws Exception {
        record Outcome(int status, String contentType, long millis) {
        }
        List<Outcome> duringOutage = new CopyOnWriteArrayList<>();
        AtomicBoolean outage = new AtomicBoolean();
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            while (loading.get()) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = API.get(tasks() + "?size=5");
                if (outage.get()) {
                    duringOutage.add(new Outcome(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                            (System.nanoTime() - t0) / 1_000_000));
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        load.start();
        Thread.sleep(500);
        launcher.stopPostgres();
        outage.set(true);
        Thread.sleep(5000);
        outage.set(false);
        launcher.startPostgres();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> API.get(tasks() + "?size=5").statusCode() == 200);
        loading.set(false);
        load.join();

        assertThat(duringOutage).as("requests answered while PostgreSQL was down").isNotEmpty();
        for (Outcome o : duringOutage) {
            assertThat(o.status()).as("status during the outage").isEqualTo(503);
            assertThat(o.contentType()).startsWith("application/problem+json");
            assertThat(o.millis()).as("answered quickly, not hanging").isLessThan(6000);
        }
        // the whole pipeline works again without restarting any service
        String id = SeedInspection.enter(API, inspections());
        finalize(id);
        assertEveryInspectionHasExactlyItsTasks();
    }

    @Test
    @Order(4)
    void inspectionTopicReplayedFromOffsetZeroChangesNothing() throws Exception {
        long before = API.total(tasks() + "?size=1");
        launcher.killService("task-service");
        String bootstrap = "127.0.0.1:" + PORTS.get("NTM_KAFKA_PORT");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetAndMetadata> rewind = new HashMap<>();
                committed.keySet().stream().filter(tp -> tp.topic().equals(Topics.INSPECTION_EVENTS))
                        .forEach(tp -> rewind.put(tp, new OffsetAndMetadata(0)));
                if (!rewind.isEmpty()) {
                    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                        admin.alterConsumerGroupOffsets(group.groupId(), rewind).all().get(10, TimeUnit.SECONDS);
                        return true;
                    });
                }
            }
        }
        launcher.restartService("task-service");
        // a marker finalized after the replay is processed after every replayed event of its partition
        String marker = SeedInspection.enter(API, inspections());
        finalize(marker);
        assertEveryInspectionHasExactlyItsTasks();
        assertThat(API.total(tasks() + "?size=1")).isEqualTo(before + tasksPerInspection);
    }
}
