package vn.ntm.examples.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Keeps a copy of task-service's follow-up tasks from the topic {@code task-events} (README.md of this module).
 *
 * <ul>
 *   <li><b>Duplicates</b>: delivery is at least once; a record whose {@code ce_id} was seen is skipped.</li>
 *   <li><b>Order</b>: guaranteed per task by the data's {@code version} only (a retried outbox row may come after
 *   later ones). Per task the highest version applied is kept: a higher version replaces the copy, a lower one is
 *   ignored, an equal one is a notice about the same state (overdue, due soon, an extension request) acted on once.
 *   A gap in versions is applied at once, neither waited for nor fetched: every event carries the whole task as its
 *   change left it, and versions legitimately skip numbers (a change no event carries raises it), so waiting could
 *   wait forever and the skipped version has nothing the newer one lacks.</li>
 *   <li><b>Restarts</b>: the partitions are assigned, not subscribed as a group, and the position in each is saved
 *   in the state file together with the effects of the records before it ({@link ConsumerState}); on start the
 *   consumer seeks to the saved positions. Nothing is committed to Kafka.</li>
 *   <li><b>Long absences</b>: on a first start, or when a saved position is older than the earliest record the
 *   topic still holds (retention deleted what was not read), the copy is brought up to date from the change feed
 *   ({@link ChangeFeed}) and those partitions are read again from their earliest record; older events among them
 *   are then ignored by version.</li>
 * </ul>
 */
public final class TaskEventsConsumer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TaskEventsConsumer.class.getName());
    /** Events that may repeat the task's version: a notice about the state the copy already holds. */
    private static final Set<String> NOTICES = Set.of("ntm.task.overdue", "ntm.task.due-soon",
            "ntm.task.extension-requested", "ntm.task.extension-decided");

    /** What the consumer needs; {@code kafka} holds extra client settings (security: README "Production"). */
    public record Settings(String bootstrapServers, String topic, String tasksUrl, Path tokenFile, Path stateDir,
                           String province, Duration feedOverlap, Properties kafka) {
    }

    private final Settings settings;
    private final ChangeFeed feed;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private ConsumerState state;

    public TaskEventsConsumer(Settings settings) {
        this.settings = settings;
        this.feed = new ChangeFeed(settings.tasksUrl(), settings.tokenFile(), settings.province());
    }

    /** Reads until {@link #close()} is called from another thread (or the JVM's shutdown hook). */
    public void run() {
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(properties())) {
            consumer = kafka;
            if (!running) {
                return;
            }
            ConsumerState loaded = ConsumerState.load(settings.stateDir());
            boolean first = loaded == null;
            state = first ? new ConsumerState() : loaded;
            List<TopicPartition> partitions = kafka.partitionsFor(settings.topic(), Duration.ofSeconds(60)).stream()
                    .map(PartitionInfo::partition).map(p -> new TopicPartition(settings.topic(), p)).toList();
            kafka.assign(partitions);
            start(kafka, partitions, first);
            while (running) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = kafka.poll(Duration.ofMillis(500));
                } catch (OffsetOutOfRangeException e) {
                    // retention removed records this consumer had not read yet, while it was running
                    catchUp(kafka, e.partitions(), false);
                    continue;
                }
                if (records.isEmpty()) {
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    apply(record);
                    state.offsets.put(record.partition(), record.offset() + 1);
                }
                // the effects of the batch and the positions after it, in one atomic write
                state.save(settings.stateDir());
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer = null;
            stopped.countDown();
        }
    }

    /** Stops {@link #run()} after the batch in hand is saved; waits up to 30 s for it. */
    @Override
    public void close() {
        running = false;
        KafkaConsumer<byte[], byte[]> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        try {
            stopped.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start(KafkaConsumer<byte[], byte[]> kafka, List<TopicPartition> partitions, boolean first) {
        Map<TopicPartition, Long> earliest = kafka.beginningOffsets(partitions);
        Set<TopicPartition> lost = new HashSet<>();
        for (TopicPartition tp : partitions) {
            Long saved = state.offsets.get(tp.partition());
            long begin = earliest.get(tp);
            if (saved == null && !first && begin == 0) {
                state.offsets.put(tp.partition(), 0L); // a partition added to the topic since: nothing lost
            } else if (saved == null || saved < begin) {
                lost.add(tp);
            }
        }
        if (first || !lost.isEmpty()) {
            catchUp(kafka, lost, first);
        }
        for (TopicPartition tp : partitions) {
            kafka.seek(tp, state.offsets.get(tp.partition()));
        }
    }

    /**
     * Brings the copy up to date from the change feed, then reads the {@code lost} partitions again from their
     * earliest record. The earliest offsets are taken before the feed is read, so every change is in one or the
     * other (most in both: the version rule keeps the newest). The feed starts {@code feedOverlap} before the latest
     * change time this consumer knew of (every task on a first start): event and feed times come from different
     * clocks and a retried event may carry an old time.
     */
    private void catchUp(KafkaConsumer<byte[], byte[]> kafka, Set<TopicPartition> lost, boolean first) {
        Map<TopicPartition, Long> earliest = kafka.beginningOffsets(lost);
        Instant since = first || state.highWater == null ? null
                : Instant.parse(state.highWater).minus(settings.feedOverlap());
        long read = feed.walk(since, item -> {
            TaskCopy incoming = TaskCopy.from(item, state.tasks.get(item.path("id").asText()));
            TaskCopy held = state.tasks.get(incoming.id());
            if (held == null || incoming.version() > held.version()) {
                state.tasks.put(incoming.id(), incoming);
                state.record(new ConsumerState.Effect(null, "feed", incoming.id(), incoming.version(), "APPLIED"));
            }
            if (item.hasNonNull("updatedAt")) {
                state.raiseHighWater(item.get("updatedAt").asText());
            }
        });
        earliest.forEach((tp, offset) -> {
            state.offsets.put(tp.partition(), offset);
            kafka.seek(tp, offset);
        });
        state.catchUps++;
        state.save(settings.stateDir());
        LOG.info(() -> "caught up from the change feed " + (since == null ? "(every task)" : "since " + since)
                + ": " + read + " tasks read; partitions read again from their earliest record: " + lost);
    }

    /** One record's effect on the in-memory state (saved with the batch). */
    private void apply(ConsumerRecord<byte[], byte[]> record) {
        String ceId = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (state.seenBefore(ceId)) {
            return; // a duplicate: its effect is already in the state
        }
        if (type == null || !type.startsWith("ntm.task.") || record.value() == null) {
            state.record(new ConsumerState.Effect(ceId, type, null, -1, "IGNORED"));
            return;
        }
        JsonNode data;
        try {
            data = ConsumerState.JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warning(() -> "unreadable record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " (ce_id " + ceId + "): " + e.getMessage());
            state.record(new ConsumerState.Effect(ceId, type, null, -1, "UNREADABLE"));
            return;
        }
        String taskId = data.hasNonNull("taskId") ? data.get("taskId").asText() : null;
        if (taskId == null || !data.has("version")) {
            state.record(new ConsumerState.Effect(ceId, type, taskId, -1, "IGNORED"));
            return;
        }
        TaskCopy held = state.tasks.get(taskId);
        TaskCopy incoming = TaskCopy.from(data, held);
        String outcome;
        if (held == null || incoming.version() > held.version()) {
            state.tasks.put(taskId, incoming);
            outcome = "APPLIED";
        } else if (incoming.version() == held.version() && NOTICES.contains(type)) {
            if (data.hasNonNull("overdue")) {
                state.tasks.put(taskId, held.withOverdue(data.get("overdue").asBoolean()));
            }
            outcome = "NOTICE";
        } else {
            outcome = "STALE";
        }
        state.record(new ConsumerState.Effect(ceId, type, taskId, incoming.version(), outcome));
        state.raiseHighWater(header(record, "ce_time"));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "task-events-consumer");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // positions come from the state file; a position retention has passed is handled (catch-up), never reset
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        if (settings.kafka() != null) {
            p.putAll(settings.kafka());
        }
        return p;
    }
}
