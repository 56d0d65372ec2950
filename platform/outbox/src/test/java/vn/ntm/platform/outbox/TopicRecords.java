package vn.ntm.platform.outbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.localinfra.KafkaBroker;
import vn.ntm.testinfra.TestInfrastructure;
import vn.ntm.testinfra.TopicReader;

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

    /**
     * Every record of the topic up to its end: the tests read it once the rows they wait for are marked published,
     * so everything the relay sent (a duplicate included) is already there.
     */
    static List<ConsumerRecord<String, String>> all(String topic) {
        return TopicReader.ofTestBroker().readToEnd(topic);
    }

    /** The {@code ce_id} of every record of the topic, in topic order. */
    static List<UUID> eventIds(String topic) {
        return all(topic).stream().map(r -> UUID.fromString(header(r, CloudEventHeaders.ID))).toList();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return TopicReader.header(record, name);
    }

    private TopicRecords() {
    }
}
