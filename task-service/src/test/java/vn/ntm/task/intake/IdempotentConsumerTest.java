package vn.ntm.task.intake;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.task.Fixtures;
import vn.ntm.task.InspectionEvents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** At-least-once delivery, exactly-once effect: redeliveries and races add no task. */
@QuarkusTest
class IdempotentConsumerTest {
    @Inject
    InspectionEventBatch inspections;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void sameEventDeliveredThreeTimesViaKafkaYieldsTheSameTasks() {
        UUID inspectionId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String value = Fixtures.seedEvent(inspectionId).toString();
        Map<String, String> headers = Fixtures.headers(eventId, EventTypes.INSPECTION_FINALIZED);
        for (int i = 0; i < 3; i++) {
            Fixtures.publish(inspectionId.toString(), value, headers, 0);
        }
        // a later event on the same partition: once its tasks exist, the three copies were all consumed
        UUID sentinel = UUID.randomUUID();
        Fixtures.publish(sentinel.toString(), Fixtures.seedEventWithOwnCommunes(sentinel).toString(),
                Fixtures.headers(UUID.randomUUID(), EventTypes.INSPECTION_FINALIZED), 0);
        Fixtures.awaitTasks(sentinel, Fixtures.SEED_TASK_COUNT);

        assertThat(Fixtures.tasksOf(inspectionId).getInt("total")).isEqualTo(Fixtures.SEED_TASK_COUNT);
        assertThat(count("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
        assertThat(createdEvents(inspectionId)).isEqualTo(Fixtures.SEED_TASK_COUNT);
    }

    @Test
    void sameEventHandledTwiceConcurrentlyYieldsTheSameTasks() throws Exception {
        UUID inspectionId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        InspectionFinalized event = Fixtures.seedRecord(inspectionId);
        List<InspectionEventBatch.Outcome> outcomes = race(() -> InspectionEvents.handle(inspections, eventId, event),
                () -> InspectionEvents.handle(inspections, eventId, event));

        assertThat(outcomes).extracting(InspectionEventBatch.Outcome::created)
                .containsExactlyInAnyOrder(Fixtures.SEED_TASK_COUNT, 0);
        assertThat(Fixtures.tasksOf(inspectionId).getInt("total")).isEqualTo(Fixtures.SEED_TASK_COUNT);
        assertThat(createdEvents(inspectionId)).isEqualTo(Fixtures.SEED_TASK_COUNT);
    }

    @Test
    void republishedEventWithANewIdRacingTheFirstAddsNoTask() throws Exception {
        UUID inspectionId = UUID.randomUUID();
        InspectionFinalized event = Fixtures.seedRecord(inspectionId);
        List<InspectionEventBatch.Outcome> outcomes = race(() -> InspectionEvents.handle(inspections, UUID.randomUUID(), event),
                () -> InspectionEvents.handle(inspections, UUID.randomUUID(), event));

        assertThat(outcomes.get(0).created() + outcomes.get(1).created()).isEqualTo(Fixtures.SEED_TASK_COUNT);
        assertThat(Fixtures.tasksOf(inspectionId).getInt("total")).isEqualTo(Fixtures.SEED_TASK_COUNT);
        assertThat(createdEvents(inspectionId)).isEqualTo(Fixtures.SEED_TASK_COUNT);
    }

    private static List<InspectionEventBatch.Outcome> race(Supplier<InspectionEventBatch.Outcome> a,
                                                            Supplier<InspectionEventBatch.Outcome> b)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<InspectionEventBatch.Outcome> first = CompletableFuture.supplyAsync(() -> {
            await(start);
            return a.get();
        });
        CompletableFuture<InspectionEventBatch.Outcome> second = CompletableFuture.supplyAsync(() -> {
            await(start);
            return b.get();
        });
        start.countDown();
        return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private long createdEvents(UUID inspectionId) {
        return count("select count(*) from outbox_event where event_type = 'ntm.task.created'"
                + " and payload::jsonb ->> 'inspectionId' = ?", inspectionId.toString());
    }

    private long count(String sql, Object param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, param);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
