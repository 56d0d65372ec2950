package vn.ntm.testinfra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a topic as an outside observer would: a plain consumer without a group, from the beginning of every
 * partition. It never waits for silence: {@link #readToEnd} stops at the end offsets the broker reported when the
 * read began, so a test that knows everything was sent (an outbox row marked published, a produce acknowledged)
 * sees every record, duplicates included, as soon as they are there.
 */
public final class TopicReader {
    private final String bootstrapServers;

    public TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A reader of the test JVM's broker. */
    public static TopicReader ofTestBroker() {
        return new TopicReader(TestInfrastructure.get().bootstrapServers());
    }

    /** Every record of {@code topic} up to its end offsets at the time of the call. */
    public List<ConsumerRecord<String, String>> readToEnd(String topic) {
        return readToEnd(topic, r -> true);
    }

    /** The records of {@code topic} that {@code keep} accepts, up to its end offsets at the time of the call. */
    public List<ConsumerRecord<String, String>> readToEnd(String topic, Predicate<ConsumerRecord<String, String>> keep) {
        List<ConsumerRecord<String, String>> kept = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end offsets " + end + " in 60 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition())) && keep.test(r)) {
                        kept.add(r);
                    }
                }
            }
        }
        return kept;
    }

    /**
     * Reads {@code topic} to its end again and again until the kept records satisfy {@code done}, or fails after
     * {@code timeout}. Returns everything kept by the last read (so duplicates already written are in it).
     */
    public List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> keep,
                                                      Predicate<List<ConsumerRecord<String, String>>> done,
                                                      Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ConsumerRecord<String, String>> kept = readToEnd(topic, keep);
            if (done.test(kept)) {
                return kept;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + timeout + ", " + topic + " holds " + kept.size()
                        + " matching records, which do not satisfy the test's condition");
            }
            sleepBriefly();
        }
    }

    /** The value of header {@code name} as UTF-8 text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey(), Duration.ofSeconds(30)) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // read_committed would hide nothing here (no transactional producers) but would wait on open ones
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
                new StringDeserializer(), new StringDeserializer());
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
