package vn.ntm.task.intake;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.platform.tracing.TraceContext;
import vn.ntm.task.Fixtures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tasks created from an inspection event, and the task events announcing them, continue the trace named by the
 * record's {@code traceparent} header (the finalize request's trace, set by inspection-service's outbox).
 */
@QuarkusTest
class TraceContinuationTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void tasksCreatedFromAnInspectionEventCarryItsTraceIdAndSoDoTheirEvents() {
        String traceId = randomHex(32);
        String traceparent = "00-" + traceId + "-" + randomHex(16) + "-01";
        UUID inspectionId = UUID.randomUUID();
        Map<String, String> headers = new HashMap<>(Fixtures.headers(UUID.randomUUID(),
                EventTypes.INSPECTION_FINALIZED));
        headers.put(TraceContext.TRACEPARENT, traceparent);
        Fixtures.publish(inspectionId.toString(), Fixtures.seedEvent(inspectionId).toString(), headers, null);

        JsonPath tasks = Fixtures.awaitTasks(inspectionId, Fixtures.SEED_TASK_COUNT);
        List<String> traceIds = tasks.getList("items.traceId");
        assertThat(traceIds).hasSize(Fixtures.SEED_TASK_COUNT).containsOnly(traceId);

        // the outbox rows carry the trace, and so do the ntm.task.created records the relay sent from them
        Set<String> taskIds = Set.copyOf(tasks.getList("items.id"));
        assertThat(outboxTraceparents(inspectionId)).hasSize(Fixtures.SEED_TASK_COUNT)
                .allSatisfy(t -> assertThat(TraceContext.traceId(t)).contains(traceId));
        List<ConsumerRecord<String, String>> created = Fixtures.read(Topics.TASK_EVENTS,
                r -> taskIds.contains(r.key())
                        && EventTypes.TASK_CREATED.equals(Fixtures.header(r, CloudEventHeaders.TYPE)),
                read -> read.size() >= taskIds.size(), Duration.ofSeconds(60));
        assertThat(created).hasSize(taskIds.size()).allSatisfy(r -> assertThat(
                TraceContext.traceId(Fixtures.header(r, TraceContext.TRACEPARENT))).contains(traceId));
    }

    @Test
    void anEventWithoutTraceContextStartsATraceOfItsOwn() {
        UUID inspectionId = UUID.randomUUID();
        Fixtures.publishSeed(inspectionId);

        List<String> traceIds = Fixtures.awaitTasks(inspectionId, Fixtures.SEED_TASK_COUNT).getList("items.traceId");
        assertThat(traceIds).hasSize(Fixtures.SEED_TASK_COUNT).doesNotContainNull();
        assertThat(Set.copyOf(traceIds)).hasSize(1);
        assertThat(traceIds.get(0)).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    }

    private List<String> outboxTraceparents(UUID inspectionId) {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select headers ->> 'traceparent' from outbox_event where event_type = 'ntm.task.created'"
                        + " and payload::jsonb ->> 'inspectionId' = ?")) {
            st.setString(1, inspectionId.toString());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static String randomHex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
        }
        return hex.substring(0, digits);
    }
}
