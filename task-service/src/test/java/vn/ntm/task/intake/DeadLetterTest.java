package vn.ntm.task.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.task.Fixtures;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A record that can never be processed goes to inspection-events-dlq with its reason; the next one is processed. */
@QuarkusTest
class DeadLetterTest {

    @Test
    void malformedJsonGoesToTheDeadLetterTopicAndTheNextEventIsProcessed() {
        String key = UUID.randomUUID().toString();
        Fixtures.publish(key, "{\"schemaVersion\": 1, \"inspectionId\": ", Fixtures.headers(UUID.randomUUID(),
                EventTypes.INSPECTION_FINALIZED), 1);
        UUID next = UUID.randomUUID();
        Fixtures.publish(next.toString(), Fixtures.seedEvent(next).toString(),
                Fixtures.headers(UUID.randomUUID(), EventTypes.INSPECTION_FINALIZED), 1);

        assertThat(deadLetterReason(key)).contains("malformed JSON");
        Fixtures.awaitTasks(next, Fixtures.SEED_TASK_COUNT);
    }

    @Test
    void unknownTypeUnknownVersionAndMissingIdAreDeadLettered() {
        UUID inspectionId = UUID.randomUUID();
        String valid = Fixtures.seedEvent(inspectionId).toString();

        String unknownType = UUID.randomUUID().toString();
        Fixtures.publish(unknownType, valid, Fixtures.headers(UUID.randomUUID(), "ntm.inspection.reopened"), null);

        String unknownVersion = UUID.randomUUID().toString();
        ObjectNode v3 = Fixtures.seedEvent(inspectionId);
        v3.put("schemaVersion", 3);
        Fixtures.publish(unknownVersion, v3.toString(),
                Fixtures.headers(UUID.randomUUID(), EventTypes.INSPECTION_FINALIZED), null);

        String missingId = UUID.randomUUID().toString();
        Map<String, String> noId = new LinkedHashMap<>(Fixtures.headers(UUID.randomUUID(),
                EventTypes.INSPECTION_FINALIZED));
        noId.remove(CloudEventHeaders.ID);
        Fixtures.publish(missingId, valid, noId, null);

        assertThat(deadLetterReason(unknownType)).contains("unknown ce_type");
        assertThat(deadLetterReason(unknownVersion)).contains("schemaVersion 3");
        assertThat(deadLetterReason(missingId)).contains("missing ce_id");
        assertThat(Fixtures.tasksOf(inspectionId).getInt("total")).isZero();
    }

    private static String deadLetterReason(String key) {
        List<ConsumerRecord<String, String>> dead = Fixtures.read(Topics.deadLetter(Topics.INSPECTION_EVENTS),
                r -> key.equals(r.key()), found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertThat(dead).as("dead letter for key %s", key).hasSize(1);
        return Fixtures.header(dead.get(0), CloudEventHeaders.DLQ_REASON);
    }
}
