package vn.ntm.task.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.platform.health.ConsumerProgress;
import vn.ntm.platform.messaging.Retrier;
import vn.ntm.platform.tracing.KafkaTracing;
import vn.ntm.task.service.InspectionEventHandler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Thin adapter from {@code inspection-events} to {@link InspectionEventHandler}, acknowledging each record itself.
 * A poison record (no usable {@code ce_id}, unknown type or schema version, malformed JSON) or a failure retrying
 * cannot fix (a constraint or data error) is nacked: the dead-letter-queue failure strategy sends it to
 * {@code inspection-events-dlq} with the reason in {@code dead-letter-reason}. Transient failures (database down,
 * out of connections, serialization conflicts, lock and pool timeouts) are retried with back-off until they succeed,
 * so a database outage pauses the partition instead of losing its events; a positive
 * {@code ntm.inspection-events.max-attempts} dead-letters them after that many attempts instead. When the
 * application stops (or the worker is interrupted) in the middle of the retries the record is neither acked nor
 * nacked: its offset is not committed and it is redelivered after the restart.
 */
@io.quarkus.runtime.Startup
@ApplicationScoped
public class InspectionEventsConsumer {
    static final String CHANNEL = "inspection-events";

    private final InspectionEventHandler handler;
    private final ObjectMapper json;
    private final ConsumerProgress progress;
    private final Retrier retrier;
    private final Duration pauseAfterCommit;
    private final Timer lag;
    private final Counter processed;
    private final Counter duplicates;
    private final Counter poison;
    private final KafkaTracing tracing;

    public InspectionEventsConsumer(InspectionEventHandler handler, ObjectMapper json, MeterRegistry registry,
                                    ConsumerProgress progress, KafkaTracing tracing,
                                    @ConfigProperty(name = "ntm.inspection-events.max-attempts", defaultValue = "0")
                                    int maxAttempts,
                                    @ConfigProperty(name = "ntm.inspection-events.test.pause-after-commit",
                                            defaultValue = "0s") Duration pauseAfterCommit) {
        this.handler = handler;
        this.json = json;
        this.progress = progress;
        this.tracing = tracing;
        progress.register(CHANNEL);
        this.retrier = new Retrier(maxAttempts, Duration.ofMillis(400), Duration.ofSeconds(10));
        this.pauseAfterCommit = pauseAfterCommit;
        this.lag = Timer.builder("ntm.inspection-events.lag")
                .description("time from the event's ce_time to the end of its processing").register(registry);
        this.processed = registry.counter("ntm.inspection-events.processed");
        this.duplicates = registry.counter("ntm.inspection-events.duplicates");
        this.poison = registry.counter("ntm.inspection-events.dead-lettered");
    }

    void stopping(@Observes ShutdownEvent event) {
        retrier.stop();
    }

    /**
     * Unordered: events of different inspections are handled in parallel on the worker pool (each is independent,
     * and a duplicate racing its original is settled by the processed-event key and the tasks' natural key).
     */
    @Incoming(CHANNEL)
    @Blocking(ordered = false)
    public CompletionStage<Void> consume(IncomingKafkaRecord<String, String> record) {
        progress.received(CHANNEL, record.getPartition(), record.getOffset());
        try {
            UUID eventId;
            InspectionFinalized event;
            try {
                eventId = eventId(record.getHeaders());
                event = parse(record);
            } catch (PoisonMessage e) {
                return deadLetter(record, e);
            }
            Optional<InspectionEventHandler.Outcome> outcome;
            // the tasks and the events they announce belong to the trace of the request that finalized the inspection
            try (KafkaTracing.Processing ignored = tracing.process(record.getTopic(), record.getHeaders())) {
                outcome = retrier.run(() -> handler.handle(eventId, event), retry -> Log.warnf(
                        "event %s failed (attempt %d), retrying in %d ms: %s", eventId, retry.attempt(),
                        retry.backoff().toMillis(), rootMessage(retry.failure())));
            } catch (Retrier.GaveUp e) {
                return deadLetter(record, new PoisonMessage(e.getMessage(), e.getCause()));
            }
            if (outcome.isEmpty()) {
                Log.infof("stopping: event %s at partition %d offset %d is left unacknowledged, to be redelivered",
                        eventId, record.getPartition(), record.getOffset());
                return CompletableFuture.completedFuture(null);
            }
            (outcome.get().duplicate() ? duplicates : processed).increment();
            Instant sent = time(record.getHeaders());
            if (sent != null) {
                lag.record(Duration.between(sent, Instant.now()));
            }
            if (!outcome.get().duplicate()) {
                pauseAfterCommit(eventId, event, record);
            }
            return record.ack();
        } finally {
            progress.finished(CHANNEL, record.getPartition(), record.getOffset());
        }
    }

    private CompletionStage<Void> deadLetter(IncomingKafkaRecord<String, String> record, PoisonMessage e) {
        poison.increment();
        Log.warnf("dead-lettering inspection-events record at partition %d offset %d: %s", record.getPartition(),
                record.getOffset(), e.getMessage());
        return record.nack(e);
    }

    /**
     * Test hook, off unless {@code ntm.inspection-events.test.pause-after-commit} is set: holds the record between
     * its database commit and its acknowledgement (so before its offset can be committed), so that a fault test can
     * kill the service exactly there and prove the redelivered event takes no effect twice.
     */
    private void pauseAfterCommit(UUID eventId, InspectionFinalized event, IncomingKafkaRecord<String, String> record) {
        if (pauseAfterCommit.isZero() || pauseAfterCommit.isNegative()) {
            return;
        }
        Log.warnf("test hook: event %s (inspection %s, partition %d offset %d) is committed to the database;"
                        + " pausing %d ms before acknowledging its offset", eventId, event.inspectionId(),
                record.getPartition(), record.getOffset(), pauseAfterCommit.toMillis());
        try {
            Thread.sleep(pauseAfterCommit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Log.warnf("test hook: event %s acknowledged after the pause", eventId);
    }

    private InspectionFinalized parse(IncomingKafkaRecord<String, String> record) {
        String type = header(record.getHeaders(), CloudEventHeaders.TYPE);
        if (!EventTypes.INSPECTION_FINALIZED.equals(type)) {
            throw new PoisonMessage("unknown ce_type '" + type + "'; expected " + EventTypes.INSPECTION_FINALIZED);
        }
        String value = record.getPayload();
        if (value == null || value.isBlank()) {
            throw new PoisonMessage("empty record value");
        }
        InspectionFinalized event;
        try {
            event = json.readValue(value, InspectionFinalized.class);
        } catch (JsonProcessingException e) {
            throw new PoisonMessage("malformed JSON: " + e.getOriginalMessage(), e);
        }
        // version 1 events (no register dates; their codes refer to inspectedOn) may still be on the topic
        if (event == null || !InspectionFinalized.readable(event.schemaVersion())) {
            throw new PoisonMessage("unsupported schemaVersion " + (event == null ? null : event.schemaVersion())
                    + "; expected " + InspectionFinalized.OLDEST_READABLE_SCHEMA_VERSION + " to "
                    + InspectionFinalized.SCHEMA_VERSION);
        }
        try {
            UUID.fromString(String.valueOf(event.inspectionId()));
        } catch (IllegalArgumentException e) {
            throw new PoisonMessage("inspectionId '" + event.inspectionId() + "' is not a UUID");
        }
        if (event.province() == null || event.province().code() == null || event.inspectedOn() == null) {
            throw new PoisonMessage("province and inspectedOn are required");
        }
        return event;
    }

    private static UUID eventId(Headers headers) {
        String id = header(headers, CloudEventHeaders.ID);
        if (id == null || id.isBlank()) {
            throw new PoisonMessage("missing ce_id header");
        }
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw new PoisonMessage("ce_id '" + id + "' is not a UUID");
        }
    }

    private static Instant time(Headers headers) {
        String time = header(headers, CloudEventHeaders.TIME);
        try {
            return time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
