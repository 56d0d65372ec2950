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
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.task.Fixtures;
import vn.ntm.testinfra.RefusingTable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failures that a later attempt can fix are retried, never dead-lettered: the real PostgreSQL refuses the event's
 * work with SQL state 53300 (too many connections) until the test lets it through.
 */
@QuarkusTest
class TransientFailureTest {
    @Inject
    AgroalDataSource db;
    @Inject
    InspectionEventsConsumer consumer;

    @Test
    void tooManyConnectionsIsRetriedUntilItSucceedsNotDeadLettered() {
        UUID inspectionId = UUID.randomUUID();
        try (RefusingTable refusing = new RefusingTable(db, "processed_event", "subject", inspectionId.toString(),
                "53300")) {
            Fixtures.publishSeed(inspectionId);
            await().atMost(Duration.ofSeconds(60)).until(() -> refusing.refusals() >= 2);
        }
        Fixtures.awaitTasks(inspectionId, Fixtures.SEED_TASK_COUNT);
        assertThat(Fixtures.tasksOf(inspectionId).getInt("total")).isEqualTo(Fixtures.SEED_TASK_COUNT);
        assertThat(Fixtures.readToEnd(Topics.deadLetter(Topics.INSPECTION_EVENTS), inspectionId.toString()))
                .isEmpty();
    }

    @Test
    void aLockTimeoutIsRetriedToo() {
        UUID inspectionId = UUID.randomUUID();
        try (RefusingTable refusing = new RefusingTable(db, "processed_event", "subject", inspectionId.toString(),
                "55P03")) {
            Fixtures.publishSeed(inspectionId);
            await().atMost(Duration.ofSeconds(60)).until(() -> refusing.refusals() >= 2);
        }
        Fixtures.awaitTasks(inspectionId, Fixtures.SEED_TASK_COUNT);
        assertThat(Fixtures.readToEnd(Topics.deadLetter(Topics.INSPECTION_EVENTS), inspectionId.toString()))
                .isEmpty();
    }

    @Test
    void aBackoffInterruptedAtShutdownLeavesTheRecordUnacknowledgedInsteadOfDeadLettering() throws Exception {
        UUID inspectionId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        ConsumerRecord<String, String> raw = new ConsumerRecord<>(Topics.INSPECTION_EVENTS, 97,
                System.nanoTime(), inspectionId.toString(), Fixtures.seedEvent(inspectionId).toString());
        Fixtures.headers(eventId, EventTypes.INSPECTION_FINALIZED)
                .forEach((k, v) -> raw.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        AtomicInteger acks = new AtomicInteger();
        AtomicInteger nacks = new AtomicInteger();
        KafkaCommitHandler commit = new KafkaCommitHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                acks.incrementAndGet();
                return Uni.createFrom().voidItem();
            }
        };
        KafkaFailureHandler deadLetter = new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                nacks.incrementAndGet();
                return Uni.createFrom().voidItem();
            }
        };
        IncomingKafkaRecordBatch<String, String> record = new IncomingKafkaRecordBatch<>(new ConsumerRecords<>(
                Map.of(new TopicPartition(raw.topic(), raw.partition()), List.of(raw)), Map.of()),
                Topics.INSPECTION_EVENTS, -1, commit, deadLetter, false, false);

        CompletableFuture<CompletionStage<Void>> returned = new CompletableFuture<>();
        try (RefusingTable refusing = new RefusingTable(db, "processed_event", "subject", inspectionId.toString(),
                "53300")) {
            Thread worker = new Thread(() -> {
                try {
                    returned.complete(consumer.consume(record));
                } catch (Throwable t) {
                    returned.completeExceptionally(t);
                }
            }, "consumer-worker-under-test");
            worker.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> refusing.refusals() >= 2);
            worker.interrupt();
            returned.get(30, TimeUnit.SECONDS).toCompletableFuture().get(30, TimeUnit.SECONDS);
            worker.join(30_000);
        }

        assertThat(nacks).as("dead-lettered").hasValue(0);
        assertThat(acks).as("acknowledged (offset committable)").hasValue(0);
        assertThat(Fixtures.tasksOf(inspectionId).getInt("total")).isZero();
    }
}
