package vn.ntm.platform.outbox;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.localinfra.KafkaBroker;
import vn.ntm.localinfra.TestInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test topics of one partition, and everything a topic holds. */
final class TopicRecords {

    static String newTopic(String prefix) {
        String topic = prefix + "-" + UUID.randomUUID();
        KafkaBroker.createTopics(TestInfrastructure.get().bootstrapServers(), Map.of(topic, 1));
        return topic;
    }

    /** Every record of the topic, read from the start until nothing new arrives for three seconds. */
    static List<ConsumerRecord<String, String>> all(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            long giveUpAt = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < quietUntil && System.nanoTime() < giveUpAt) {
                var batch = consumer.poll(Duration.ofMillis(300));
                if (!batch.isEmpty()) {
                    batch.forEach(records::add);
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        return records;
    }

    /** The {@code ce_id} of every record of the topic, in topic order. */
    static List<UUID> eventIds(String topic) {
        return all(topic).stream().map(r -> UUID.fromString(header(r, CloudEventHeaders.ID))).toList();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private TopicRecords() {
    }
}
