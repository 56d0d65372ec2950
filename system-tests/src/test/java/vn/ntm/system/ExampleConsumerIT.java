package vn.ntm.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ntm.examples.consumer.ConsumerState;
import vn.ntm.examples.consumer.TaskCopy;
import vn.ntm.examples.consumer.TaskEventsConsumer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example consumer of examples/task-events-consumer, run in this JVM against the shared stack's broker and
 * task-service as a provincial system runs it: its copy follows the tasks an inspection creates, a restart neither
 * loses nor repeats an effect (a duplicate ce_id and an older version injected into the topic change nothing), and
 * after records it never read were deleted from its topic (retention, simulated on a topic of its own) it catches
 * up from the change feed. Uses Vạn Linh (06505, the successor of Hòa Bình and Y Tịch after 2025-07-01), which no
 * other test touches.
 */
@org.junit.jupiter.api.Order(3) // on the shared stack, after the hostile inputs (which compare tables)
class ExampleConsumerIT {
    private static final String TASK_EVENTS = "task-events";
    private static SystemStack stack;
    private static Api api;

    @TempDir
    Path dir;

    /** The tasks of one inspection of Vạn Linh (criteria 2, 5 and 17 not met), ordered by id; each test moves its own. */
    private static String tasks;
    private static List<String> taskIds;

    @BeforeAll
    static void sharedStackAndInspection() {
        stack = SystemStack.shared();
        api = stack.admin("example-consumer-it");
        tasks = stack.url("task-service") + "/tasks?size=200&inspectionId=" + enterAndFinalize("2023-06-01");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> api.total(tasks) >= 3);
        List<String> ids = new ArrayList<>();
        api.json(api.get(tasks)).get("items").forEach(t -> ids.add(t.get("id").asText()));
        taskIds = ids.stream().sorted().toList();
    }

    @Test
    void theCopyFollowsTheTasksAndARestartNeitherLosesNorRepeatsAnEffect() throws Exception {
        Path state = dir.resolve("state");
        Path token = token();
        Running first = Running.start(settings(TASK_EVENTS, state, token));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(differences(state)).isEmpty());
        assertThat(load(state).catchUps).as("a first start catches up from the change feed").isEqualTo(1);
        // a change while it runs reaches the copy through its event
        String live = taskIds.get(0);
        cancel(live);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(load(state).tasks.get(live)).extracting(TaskCopy::status).isEqualTo("CANCELLED");
                    assertThat(differences(state)).isEmpty();
                });
        first.stop();

        // a change while it is stopped, then the outbox's at-least-once delivery and a retried row arriving late
        String taskId = taskIds.get(1);
        long before = load(state).tasks.get(taskId).version();
        cancel(taskId);
        ConsumerRecord<byte[], byte[]> changed = awaitEvent(taskId, "ntm.task.status-changed");
        ConsumerRecord<byte[], byte[]> created = awaitEvent(taskId, "ntm.task.created");
        republish(TASK_EVENTS, changed, null);
        String lateId = UUID.randomUUID().toString();
        republish(TASK_EVENTS, created, lateId);
        Map<Integer, Long> ends = endOffsets(TASK_EVENTS);

        Running second = Running.start(settings(TASK_EVENTS, state, token));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(readTo(state, ends)).as("read to " + ends + ": " + load(state).offsets).isTrue();
                    assertThat(differences(state)).isEmpty();
                });
        second.stop();

        ConsumerState after = load(state);
        TaskCopy copy = after.tasks.get(taskId);
        assertThat(copy.status()).isEqualTo("CANCELLED");
        assertThat(copy.version()).isGreaterThan(before);
        String changedId = header(changed, "ce_id");
        assertThat(after.effectsOf(changedId)).as("the status change delivered twice").singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("APPLIED"));
        assertThat(after.effectsOf(lateId)).as("version 0 arriving after the cancellation").singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("STALE"));
        List<String> ids = after.effects.stream().map(ConsumerState.Effect::ceId).filter(Objects::nonNull).toList();
        assertThat(ids).as("one effect per ce_id across the restart").doesNotHaveDuplicates();
        assertThat(after.catchUps).as("the restart resumed from the saved positions").isEqualTo(1);
    }

    @Test
    void afterRecordsItNeverReadWereDeletedItCatchesUpFromTheChangeFeed() throws Exception {
        String taskId = taskIds.get(2);
        ConsumerRecord<byte[], byte[]> created = awaitEvent(taskId, "ntm.task.created");

        // a topic of this test's own, so deleting its records disturbs no one
        String topic = "task-events-absence-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        republish(topic, created, null);
        Path state = dir.resolve("absent");
        Path token = token();
        Running first = Running.start(settings(topic, state, token));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(readTo(state, Map.of(0, 1L))).as("read the topic's record").isTrue();
                    assertThat(differences(state)).isEmpty();
                });
        first.stop();

        // while it is away: a change, and records it never read removed by "retention"
        Instant changedAfter = Instant.now().minusSeconds(1);
        cancel(taskId);
        republish(topic, created, UUID.randomUUID().toString());
        republish(topic, created, UUID.randomUUID().toString());
        try (Admin admin = admin()) {
            admin.deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(3))).all()
                    .get(30, TimeUnit.SECONDS);
        }
        // the change feed lists a change once it has settled (task-service README "Change feed")
        String feed = tasks + "&updatedSince=" + changedAfter;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> list = api.get(feed);
            if (list.statusCode() != 200) {
                return false;
            }
            List<String> ids = new ArrayList<>();
            api.json(list).get("items").forEach(t -> ids.add(t.get("id").asText()));
            return ids.contains(taskId);
        });

        Running second = Running.start(settings(topic, state, token));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(load(state).catchUps).as("catch-ups").isEqualTo(2);
                    assertThat(readTo(state, Map.of(0, 3L))).as("from the earliest record left").isTrue();
                });
        second.stop();
        assertThat(load(state).tasks.get(taskId).status()).as("the change whose event it never read")
                .isEqualTo("CANCELLED");
        assertThat(differences(state)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The consumer running on a thread of this JVM, as {@code java -jar} runs it. */
    private record Running(TaskEventsConsumer consumer, Thread thread) {
        static Running start(TaskEventsConsumer.Settings settings) {
            TaskEventsConsumer consumer = new TaskEventsConsumer(settings);
            Thread thread = new Thread(consumer::run, "example-consumer");
            thread.start();
            return new Running(consumer, thread);
        }

        void stop() throws InterruptedException {
            consumer.close();
            thread.join(30_000);
            assertThat(thread.isAlive()).as("the consumer stopped").isFalse();
        }
    }

    private TaskEventsConsumer.Settings settings(String topic, Path state, Path token) {
        return new TaskEventsConsumer.Settings(stack.bootstrapServers(), topic, stack.url("task-service"), token,
                state, "20", Duration.ofHours(1), new Properties());
    }

    private Path token() throws Exception {
        Path file = dir.resolve("token-" + UUID.randomUUID());
        Files.writeString(file, stack.tokens().token("example-consumer", "admin").jwt());
        return file;
    }

    private static ConsumerState load(Path state) {
        return ConsumerState.load(state);
    }

    /** True when the saved positions have reached {@code ends}. */
    private static boolean readTo(Path state, Map<Integer, Long> ends) {
        ConsumerState s = load(state);
        return s != null && ends.entrySet().stream()
                .allMatch(e -> s.offsets.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }

    /** What differs between GET {@code tasks} and the consumer's saved copy of them (empty: they match). */
    private static List<String> differences(Path state) {
        ConsumerState s = load(state);
        List<String> differences = new ArrayList<>();
        for (JsonNode item : api.json(api.get(tasks)).get("items")) {
            String id = item.get("id").asText();
            TaskCopy copy = s == null ? null : s.tasks.get(id);
            if (copy == null) {
                differences.add(id + " missing");
                continue;
            }
            JsonNode assignee = item.path("assignee");
            List<Object> api = Arrays.asList(item.get("version").asLong(), text(item, "status"),
                    text(item, "dueDate"), text(assignee, "type") + ":" + text(assignee, "code"), text(item, "title"),
                    text(item, "criterion"), text(item, "communeCode"));
            List<Object> held = Arrays.asList(copy.version(), copy.status(), copy.dueDate(),
                    copy.assigneeType() + ":" + copy.assigneeCode(), copy.title(),
                    copy.criterion() == null ? null : copy.criterion().toString(), copy.communeCode());
            if (!api.equals(held)) {
                differences.add(id + ": (version, status, dueDate, assignee, title, criterion, commune) API " + api
                        + ", copy " + held);
            }
        }
        return differences;
    }

    /** An inspection of Vạn Linh on {@code day}, criteria 2, 5 and 17 not met, finalized; returns its id. */
    private static String enterAndFinalize(String day) {
        String id = SeedInspection.enterOneCommune(api, stack.url("inspection-service"), "06505", "Xã Vạn Linh", day,
                Map.of(2, "NOT_MET", 5, "NOT_MET", 17, "NOT_MET"));
        HttpResponse<String> finalized = SeedInspection.finalize(api, stack.url("inspection-service"), id);
        assertThat(finalized.statusCode()).as(finalized.body()).isEqualTo(200);
        return id;
    }

    /** The admin cancels the task (a verifier's move), with the task's ETag. */
    private static void cancel(String taskId) {
        String url = stack.url("task-service") + "/tasks/" + taskId;
        HttpResponse<String> current = api.get(url);
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        String etag = current.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> patched = api.send("PATCH", url,
                Map.of("status", "CANCELLED", "reason", "Trùng với nhiệm vụ khác (kiểm thử bên tiêu thụ sự kiện)"),
                Map.of("If-Match", etag));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    }

    /** Waits until task-service's outbox has put the task's event of {@code type} on task-events; returns it. */
    private static ConsumerRecord<byte[], byte[]> awaitEvent(String taskId, String type) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> readAll(TASK_EVENTS).stream()
                        .filter(r -> taskId.equals(header(r, "ce_subject")) && type.equals(header(r, "ce_type")))
                        .reduce((a, b) -> b).orElse(null), Objects::nonNull);
    }

    /** Every record of the topic, read to the end offsets taken first. */
    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(PartitionInfo::partition).map(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static Map<Integer, Long> endOffsets(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(PartitionInfo::partition).map(p -> new TopicPartition(topic, p)).toList();
            Map<Integer, Long> ends = new HashMap<>();
            consumer.endOffsets(partitions).forEach((tp, offset) -> ends.put(tp.partition(), offset));
            return ends;
        }
    }

    /** Sends the record again with its key, value and headers; with {@code newId} as its ce_id when given. */
    private static void republish(String topic, ConsumerRecord<byte[], byte[]> record, String newId)
            throws Exception {
        List<Header> headers = new ArrayList<>();
        for (Header h : record.headers()) {
            headers.add(newId != null && h.key().equals("ce_id")
                    ? new RecordHeader("ce_id", newId.getBytes(StandardCharsets.UTF_8)) : h);
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
