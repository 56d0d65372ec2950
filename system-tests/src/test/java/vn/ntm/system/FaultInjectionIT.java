package vn.ntm.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.TestMethodOrder;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.localinfra.Launcher;
import vn.ntm.testinfra.TopicReader;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults injected into a running stack (services, broker and PostgreSQL in their own processes, started like
 * ./run.sh), on a stream of copies of the seed inspection (same communes, same day): after each fault, every
 * finalized inspection has exactly its own work (its recommendations, as many as the reference inspection that ran
 * without faults), the communes' work on their gaps exists once whatever the number of inspections that found them
 * (DOMAIN.md §8: same-day inspections share it), each task was announced by exactly one {@code ntm.task.created}
 * event, and nothing went to a dead-letter topic. task-service starts with its test hook that holds each new event
 * between its database commit and its offset acknowledgement, so that the first test's SIGKILL lands exactly there;
 * that test restarts it without the hook (one restart serves the SIGKILL and the replay from offset zero).
 * Set {@code -Dfaults.inspections=N} (the volume profile {@code -Pload}: 60) for longer streams.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Order(1) // its own stack, beside the shared one (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class FaultInjectionIT {
    private static final int STREAM = Integer.getInteger("faults.inspections", 6);
    private static final String HOOK = "NTM_INSPECTION_EVENTS_TEST_PAUSE_AFTER_COMMIT";
    private static final List<String> FINALIZED = new CopyOnWriteArrayList<>();
    private static Api API;
    private static SystemStack stack;
    private static Launcher launcher;
    /** How many tasks of its own (not the lineage's) one inspection yields. */
    private static long tasksPerInspection;
    /** The rules whose work belongs to one inspection; every other rule's work belongs to the commune lineage. */
    private static Set<String> perInspectionRules;
    /** (commune, criterion, assignee, rule) → how many tasks of its own the reference inspection has for it. */
    private static Map<String, Integer> referenceTasks;
    /** The same keys for the lineages' work the reference inspection opened: each exactly once. */
    private static Map<String, Integer> referenceLineageWork;

    @BeforeAll
    static void startStack() {
        // a killed task-service's partitions go to its restarted self after 6 s, not Kafka's default 45 s; the
        // relays give up on a dead broker after 3 s (not 15 s) and retry at least every second once it is back;
        // task-service's test hook: each new event waits 3 s between its database commit and its acknowledgement,
        // for the SIGKILL in between (the first test restarts task-service without it); the broker restarted after
        // its kill registers after 3 s, not Kafka's 9 s
        stack = SystemStack.launch("ntm-faults", Map.of("NTM_KAFKA_SESSION_TIMEOUT_MS", "6000",
                "NTM_KAFKA_HEARTBEAT_INTERVAL_MS", "1000", "NTM_OUTBOX_SEND_TIMEOUT", "3s",
                "NTM_OUTBOX_BACKOFF_MAX", "1s", "NTM_KAFKA_BROKER_SESSION_TIMEOUT_MS", "3000",
                HOOK, "3s"));
        launcher = stack.launcher();
        API = stack.admin("fault-it");
        // the reference: how many tasks one seed inspection yields with nothing going wrong
        perInspectionRules = perInspectionRules();
        String id = SeedInspection.enter(API, inspections());
        assertThat(SeedInspection.finalize(API, inspections(), id).statusCode()).isEqualTo(200);
        awaitTasks(id);
        referenceTasks = taskKeys(id, true);
        tasksPerInspection = referenceTasks.values().stream().mapToLong(Integer::longValue).sum();
        referenceLineageWork = taskKeys(id, false);
        assertThat(tasksPerInspection).as("the seed's recommendations are work of the inspection").isPositive();
        assertThat(referenceLineageWork.values()).as("one piece of work per gap and role").isNotEmpty()
                .containsOnly(1);
        FINALIZED.add(id);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    private static String inspections() {
        return stack.url("inspection-service");
    }

    private static String tasks() {
        return stack.url("task-service") + "/tasks";
    }

    /** The tasks of an inspection are inserted in one statement: once one is visible, all are. */
    private static long awaitTasks(String inspectionId) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> API.total(tasks() + "?inspectionId=" + inspectionId) > 0);
        return API.total(tasks() + "?inspectionId=" + inspectionId);
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

    /** The rule codes whose work belongs to one inspection (the rules API's triggers INSPECTION, RECOMMENDATION). */
    private static Set<String> perInspectionRules() {
        HttpResponse<String> rules = API.get(stack.url("task-service") + "/task-rules");
        assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
        Set<String> codes = new java.util.TreeSet<>();
        API.json(rules).forEach(r -> {
            if (Set.of("INSPECTION", "RECOMMENDATION").contains(r.get("trigger").asText())) {
                codes.add(r.get("code").asText());
            }
        });
        assertThat(codes).as("rules of an inspection's own work").isNotEmpty();
        return codes;
    }

    /**
     * The tasks an inspection created, its own work ({@code own}) or the lineages' work it opened, counted per
     * (commune, criterion, assignee type, assignee code, rule).
     */
    private static Map<String, Integer> taskKeys(String inspectionId, boolean own) {
        HttpResponse<String> page = API.get(tasks() + "?inspectionId=" + inspectionId + "&size=200");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Map<String, Integer> keys = new TreeMap<>();
        API.json(page).get("items").forEach(t -> {
            if (perInspectionRules.contains(t.get("ruleCode").asText()) == own) {
                keys.merge(key(t), 1, Integer::sum);
            }
        });
        return keys;
    }

    /**
     * A task's key, by the assignee it was created for: the register's succession may since have moved open tasks
     * of units that no longer exist (06490 → 06475) at any moment of the run.
     */
    private static String key(JsonNode t) {
        JsonNode first = t.path("originalAssignee").isObject() ? t.get("originalAssignee") : t.get("assignee");
        return t.path("communeCode").asText() + "|" + t.path("criterion").asText() + "|" + first.get("type").asText()
                + "|" + first.get("code").asText() + "|" + t.get("ruleCode").asText();
    }

    /** The active lineage work of the whole stack (only copies of the seed are finalized here), per key. */
    private static Map<String, Integer> activeLineageWork() {
        Map<String, Integer> keys = new TreeMap<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> list = API.get(tasks() + "?size=200&page=" + page);
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            JsonNode items = API.json(list).get("items");
            items.forEach(t -> {
                if (!perInspectionRules.contains(t.get("ruleCode").asText())
                        && !Set.of("DONE", "CANCELLED").contains(t.get("status").asText())) {
                    keys.merge(key(t), 1, Integer::sum);
                }
            });
            if (items.size() < 200) {
                return keys;
            }
        }
    }

    private static List<String> allTaskIds() {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> list = API.get(tasks() + "?size=200&page=" + page);
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            JsonNode items = API.json(list).get("items");
            items.forEach(t -> ids.add(t.get("id").asText()));
            if (items.size() < 200) {
                return ids;
            }
        }
    }

    /**
     * Every finalized inspection has, per commune, criterion, assignee and rule, exactly as many tasks of its own as
     * the reference inspection (a duplicate that escaped the natural key, or a missing task, shows up here); the
     * lineages' work is exactly the reference's, once, however many inspections found the same gaps; each task was
     * announced by exactly one {@code ntm.task.created} event id on task-events; no dead letters.
     */
    private static void assertEveryInspectionHasExactlyItsTasks() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String id : FINALIZED) {
                assertThat(taskKeys(id, true)).as("tasks of %s's own per commune, criterion, assignee and rule", id)
                        .isEqualTo(referenceTasks);
            }
        });
        assertThat(activeLineageWork()).as("the communes' open work on their gaps").isEqualTo(referenceLineageWork);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Set<String>> createdIdsByTask = createdEventIdsByTask();
            for (String task : allTaskIds()) {
                assertThat(createdIdsByTask.getOrDefault(task, Set.of()))
                        .as("ntm.task.created event ids of task %s", task).hasSize(1);
            }
        });
        assertDeadLetterTopicsEmpty();
    }

    /** Reads task-events to its end: the distinct ce_id of every ntm.task.created event, by task id (the key). */
    private static Map<String, Set<String>> createdEventIdsByTask() {
        Map<String, Set<String>> ids = new HashMap<>();
        for (ConsumerRecord<String, String> r : readToEnd(Topics.TASK_EVENTS)) {
            if (EventTypes.TASK_CREATED.equals(header(r, CloudEventHeaders.TYPE))) {
                ids.computeIfAbsent(r.key(), k -> new java.util.HashSet<>()).add(header(r, CloudEventHeaders.ID));
            }
        }
        return ids;
    }

    private static void assertDeadLetterTopicsEmpty() {
        for (String topic : List.of(Topics.deadLetter(Topics.INSPECTION_EVENTS),
                Topics.deadLetter(Topics.CRITERIA_EVENTS))) {
            List<ConsumerRecord<String, String>> dead = readToEnd(topic);
            assertThat(dead).as("records on %s: %s", topic, dead.stream()
                    .map(r -> r.key() + ": " + header(r, CloudEventHeaders.DLQ_REASON)).toList()).isEmpty();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return TopicReader.header(record, name);
    }

    private static List<ConsumerRecord<String, String>> readToEnd(String topic) {
        return new TopicReader(stack.bootstrapServers()).readToEnd(topic);
    }

    /** Outbox rows of a service's database that the relay tried to send and could not yet. */
    private static long unsentAfterAFailure(String database) throws java.sql.SQLException {
        try (var c = stack.database(database); var st = c.createStatement(); var rs = st.executeQuery(
                "select count(*) from outbox_event where published_at is null and last_error is not null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String taskServiceLog() throws java.io.IOException {
        return Files.readString(stack.logs().resolve("task-service.log"), StandardCharsets.UTF_8);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(1)
    void taskServiceKilledWithSigkillBetweenTheDatabaseCommitAndTheOffsetCommitThenReplayedFromOffsetZero()
            throws Exception {
        List<String> ids = prepare(STREAM);
        int half = ids.size() / 2;
        ids.subList(0, half).forEach(FaultInjectionIT::finalize);
        String victim = ids.get(half);
        finalize(victim);
        // the test hook logs once the victim's tasks are committed and holds its acknowledgement for 3 s (time enough
        // for the kill below on a machine busy with the other stack)
        Pattern committed = Pattern.compile("test hook: event ([0-9a-f-]{36}) \\(inspection " + victim
                + ", partition \\d+ offset \\d+\\) is committed to the database");
        String[] eventId = new String[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Matcher m = committed.matcher(taskServiceLog());
            if (m.find()) {
                eventId[0] = m.group(1);
                return true;
            }
            return false;
        });
        launcher.killService("task-service");
        assertThat(taskServiceLog()).as("the SIGKILL landed before the acknowledgement of event %s", eventId[0])
                .doesNotContain("test hook: event " + eventId[0] + " acknowledged");
        System.out.printf("FaultInjectionIT: task-service killed between the database commit and the offset commit"
                + " of event %s (inspection %s)%n", eventId[0], victim);
        ids.subList(half + 1, ids.size()).forEach(FaultInjectionIT::finalize);
        // while it is down, every group's offsets on inspection-events go back to zero: the whole topic comes again
        rewindInspectionEvents();
        launcher.restartService("task-service", Map.of(HOOK, "0s"));
        // the victim's offset was never committed: its event comes again, and the processed-event log skips it
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> taskServiceLog()
                .contains("event " + eventId[0] + " (inspection " + victim + ") was already processed: skipped"));
        // every partition replayed to its end before the tasks are counted
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(stack::consumersCaughtUp);
        assertEveryInspectionHasExactlyItsTasks();
    }

    private static void rewindInspectionEvents() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetAndMetadata> rewind = new HashMap<>();
                committed.keySet().stream().filter(tp -> tp.topic().equals(Topics.INSPECTION_EVENTS))
                        .forEach(tp -> rewind.put(tp, new OffsetAndMetadata(0)));
                if (!rewind.isEmpty()) {
                    // refused until the killed member's session has expired
                    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                        admin.alterConsumerGroupOffsets(group.groupId(), rewind).all().get(10, TimeUnit.SECONDS);
                        return true;
                    });
                }
            }
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(2)
    void brokerKilledAndRestartedDuringAStreamOfFinalizations() throws Exception {
        List<String> ids = prepare(STREAM);
        int third = ids.size() / 3;
        ids.subList(0, third).forEach(FaultInjectionIT::finalize);
        launcher.killKafka();
        long t0 = System.nanoTime();
        ids.subList(third, 2 * third).forEach(FaultInjectionIT::finalize);
        System.out.printf("FaultInjectionIT: %d finalizations with the broker down took %d ms%n", third,
                (System.nanoTime() - t0) / 1_000_000);
        // the relay has tried the broker and failed before it comes back
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                unsentAfterAFailure("inspection") > 0);
        long failed = System.nanoTime();
        launcher.startKafka();
        long started = System.nanoTime();
        ids.subList(2 * third, ids.size()).forEach(FaultInjectionIT::finalize);
        assertEveryInspectionHasExactlyItsTasks();
        System.out.printf("FaultInjectionIT: first relay failure after %d ms, broker restart %d ms, every task after"
                + " %d ms more%n", (failed - t0) / 1_000_000, (started - failed) / 1_000_000,
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(3)
    void postgresRestartedUnderLoadGivesQuick503sAndServicesRecoverWithoutRestart() throws Exception {
        record Outcome(int status, String contentType, long millis) {
        }
        List<Outcome> duringOutage = new CopyOnWriteArrayList<>();
        AtomicBoolean outage = new AtomicBoolean();
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        Thread load = new Thread(() -> {
            while (loading.get()) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = API.get(tasks() + "?size=5");
                served.incrementAndGet();
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
        await().atMost(Duration.ofSeconds(30)).until(() -> served.get() >= 3);
        launcher.stopPostgres();
        outage.set(true);
        // an outage long enough for a few requests to be answered while it lasts (each within its bound below)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> duringOutage.size() >= 3);
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
}
