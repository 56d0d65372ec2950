package vn.ntm.task.intake;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.testinfra.TestInfrastructure;
import vn.ntm.task.Fixtures;
import vn.ntm.testinfra.RefusingTable;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batched consumption: the records of one poll are handled in one transaction, yet each event takes effect exactly
 * once and a poison event is dead-lettered alone. The poison is an event the real PostgreSQL refuses with a check
 * violation (SQL state 23514, which no retry can fix).
 */
@QuarkusTest
class BatchConsumptionTest {
    @Inject
    InspectionEventsConsumer consumer;
    @Inject
    AgroalDataSource db;

    @Test
    void aPoisonEventInTheMiddleOfABatchIsDeadLetteredAloneAndItsBatchMatesCreateTheirTasksOnce() throws Exception {
        List<UUID> inspections = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID());
        UUID poison = inspections.get(2);
        List<UUID> eventIds = inspections.stream().map(i -> UUID.randomUUID()).toList();
        Handlers first = new Handlers();
        Handlers redelivery = new Handlers();
        try (RefusingTable refusing = new RefusingTable(db, "processed_event", "subject", poison.toString(),
                "23514")) {
            consumer.consume(batch(inspections, eventIds, first)).toCompletableFuture().get(60, TimeUnit.SECONDS);

            assertThat(first.deadLettered.keySet()).as("dead-lettered").containsExactly(poison.toString());
            assertThat(first.deadLettered.get(poison.toString())).contains("refused by the test");
            assertThat(first.acknowledged).as("acknowledged offsets").contains(4L);
            for (UUID inspection : inspections) {
                int expected = inspection.equals(poison) ? 0 : Fixtures.SEED_TASK_COUNT;
                assertThat(Fixtures.tasksOf(inspection).getInt("total")).as("tasks of %s", inspection)
                        .isEqualTo(expected);
                assertThat(createdEvents(inspection)).as("ntm.task.created of %s", inspection).isEqualTo(expected);
            }
            assertThat(processedEvents(eventIds)).isEqualTo(4);

            // the whole batch again, as after a crash before its offsets were committed
            consumer.consume(batch(inspections, eventIds, redelivery)).toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
        }

        assertThat(redelivery.deadLettered.keySet()).containsExactly(poison.toString());
        for (UUID inspection : inspections) {
            int expected = inspection.equals(poison) ? 0 : Fixtures.SEED_TASK_COUNT;
            assertThat(Fixtures.tasksOf(inspection).getInt("total")).as("tasks of %s after redelivery", inspection)
                    .isEqualTo(expected);
            assertThat(createdEvents(inspection)).as("ntm.task.created of %s after redelivery", inspection)
                    .isEqualTo(expected);
        }
        assertThat(processedEvents(eventIds)).isEqualTo(4);
    }

    @Test
    void aBatchHoldingTheSameEventTwiceCreatesItsTasksOnce() throws Exception {
        UUID inspection = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Handlers handlers = new Handlers();
        consumer.consume(batch(List.of(inspection, other, inspection), List.of(eventId, UUID.randomUUID(), eventId),
                handlers)).toCompletableFuture().get(60, TimeUnit.SECONDS);

        assertThat(handlers.deadLettered).isEmpty();
        assertThat(Fixtures.tasksOf(inspection).getInt("total")).isEqualTo(Fixtures.SEED_TASK_COUNT);
        assertThat(createdEvents(inspection)).isEqualTo(Fixtures.SEED_TASK_COUNT);
        assertThat(Fixtures.tasksOf(other).getInt("total")).isEqualTo(Fixtures.SEED_TASK_COUNT);
    }

    @Test
    void throughKafkaAPoisonEventAmongItsNeighboursGoesAloneToTheDeadLetterTopic() throws Exception {
        List<UUID> inspections = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            inspections.add(UUID.randomUUID());
        }
        UUID poison = inspections.get(3);
        try (RefusingTable refusing = new RefusingTable(db, "processed_event", "subject", poison.toString(),
                "23514");
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 50),
                     new StringSerializer(), new StringSerializer())) {
            List<Future<?>> sends = new ArrayList<>();
            for (UUID inspection : inspections) {
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INSPECTION_EVENTS, 2,
                        inspection.toString(), Fixtures.seedEventWithOwnCommunes(inspection).toString());
                Fixtures.headers(UUID.randomUUID(), EventTypes.INSPECTION_FINALIZED)
                        .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                sends.add(producer.send(record));
            }
            for (Future<?> send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }
            List<ConsumerRecord<String, String>> dead = Fixtures.read(Topics.deadLetter(Topics.INSPECTION_EVENTS),
                    r -> inspections.contains(UUID.fromString(r.key())), found -> !found.isEmpty(),
                    Duration.ofSeconds(60));
            assertThat(dead).extracting(ConsumerRecord::key).containsExactly(poison.toString());
            assertThat(Fixtures.header(dead.get(0), CloudEventHeaders.DLQ_REASON)).contains("refused by the test");
            for (UUID inspection : inspections) {
                if (!inspection.equals(poison)) {
                    Fixtures.awaitTasks(inspection, Fixtures.SEED_TASK_COUNT);
                }
            }
        }
        for (UUID inspection : inspections) {
            int expected = inspection.equals(poison) ? 0 : Fixtures.SEED_TASK_COUNT;
            assertThat(Fixtures.tasksOf(inspection).getInt("total")).isEqualTo(expected);
            assertThat(createdEvents(inspection)).isEqualTo(expected);
        }
    }

    /** Acknowledgements and dead letters of records built by the test (no broker involved). */
    private static final class Handlers {
        final List<Long> acknowledged = new CopyOnWriteArrayList<>();
        final Map<String, String> deadLettered = new ConcurrentHashMap<>();

        final KafkaCommitHandler commit = new KafkaCommitHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                acknowledged.add(record.getOffset());
                return Uni.createFrom().voidItem();
            }
        };
        final KafkaFailureHandler deadLetter = new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                deadLettered.put(String.valueOf(record.getKey()), String.valueOf(reason.getMessage()));
                return Uni.createFrom().voidItem();
            }
        };
    }

    /** The records a poll would return: one partition, offsets 0.., each inspection's seed event with its ce_id. */
    private static IncomingKafkaRecordBatch<String, String> batch(List<UUID> inspections, List<UUID> eventIds,
                                                                  Handlers handlers) {
        TopicPartition partition = new TopicPartition(Topics.INSPECTION_EVENTS, 96);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < inspections.size(); i++) {
            ConsumerRecord<String, String> record = new ConsumerRecord<>(partition.topic(), partition.partition(), i,
                    inspections.get(i).toString(), Fixtures.seedEventWithOwnCommunes(inspections.get(i)).toString());
            Fixtures.headers(eventIds.get(i), EventTypes.INSPECTION_FINALIZED)
                    .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            records.add(record);
        }
        return new IncomingKafkaRecordBatch<>(new ConsumerRecords<>(Map.of(partition, records), Map.of()),
                Topics.INSPECTION_EVENTS, -1, handlers.commit, handlers.deadLetter, false, false);
    }

    private long createdEvents(UUID inspectionId) {
        return count("select count(*) from outbox_event where event_type = 'ntm.task.created'"
                + " and payload::jsonb ->> 'inspectionId' = ?", inspectionId.toString());
    }

    private long processedEvents(List<UUID> eventIds) {
        return count("select count(*) from processed_event where event_id = any(?)", eventIds.toArray(UUID[]::new));
    }

    private long count(String sql, Object param) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            if (param instanceof UUID[] ids) {
                st.setArray(1, c.createArrayOf("uuid", ids));
            } else {
                st.setObject(1, param);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
