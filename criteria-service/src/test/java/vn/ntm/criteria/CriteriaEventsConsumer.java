package vn.ntm.criteria;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.ntm.contracts.Topics;
import vn.ntm.testinfra.TopicReader;

import java.time.Duration;
import java.util.List;

/** Reads criteria-events from the real broker with a plain Kafka consumer, from the beginning. */
public final class CriteriaEventsConsumer {
    private CriteriaEventsConsumer() {
    }

    /** Every record with the given key up to the topic's end, once at least one is there (fails after the timeout). */
    public static List<ConsumerRecord<String, String>> recordsWithKey(String key, Duration timeout) {
        return recordsWithKey(key, 1, timeout);
    }

    /** Every record with the given key up to the topic's end, once {@code minimum} are there. */
    public static List<ConsumerRecord<String, String>> recordsWithKey(String key, int minimum, Duration timeout) {
        return TopicReader.ofTestBroker().await(Topics.CRITERIA_EVENTS, r -> key.equals(r.key()),
                found -> found.size() >= minimum, timeout);
    }

    /** Every record with the given key up to the topic's end now. */
    public static List<ConsumerRecord<String, String>> recordsWithKeyNow(String key) {
        return TopicReader.ofTestBroker().readToEnd(Topics.CRITERIA_EVENTS, r -> key.equals(r.key()));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return TopicReader.header(record, name);
    }
}
