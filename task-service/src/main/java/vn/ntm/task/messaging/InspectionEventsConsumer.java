package vn.ntm.task.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.task.service.InspectionEventHandler;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Thin adapter from {@code inspection-events} to {@link InspectionEventHandler}. A poison record (no usable
 * {@code ce_id}, unknown type or schema version, malformed JSON) throws {@link PoisonMessage}: SmallRye nacks it and
 * the dead-letter-queue failure strategy sends it to {@code inspection-events-dlq} with the reason in
 * {@code dead-letter-reason}. Transient failures (database unreachable, serialization conflicts) are retried here
 * with backoff until they succeed: a database outage pauses the partition instead of losing its events. A positive
 * {@code ntm.inspection-events.max-attempts} dead-letters them after that many attempts instead.
 */
@io.quarkus.runtime.Startup
@ApplicationScoped
public class InspectionEventsConsumer {
    private final InspectionEventHandler handler;
    private final ObjectMapper json;
    private final Timer lag;
    private final Counter processed;
    private final Counter duplicates;
    private final Counter poison;
    private final int maxAttempts;

    public InspectionEventsConsumer(InspectionEventHandler handler, ObjectMapper json, MeterRegistry registry,
                                    @ConfigProperty(name = "ntm.inspection-events.max-attempts", defaultValue = "0")
                                    int maxAttempts) {
        this.handler = handler;
        this.json = json;
        this.maxAttempts = maxAttempts;
        this.lag = Timer.builder("ntm.inspection-events.lag")
                .description("time from the event's ce_time to the end of its processing").register(registry);
        this.processed = registry.counter("ntm.inspection-events.processed");
        this.duplicates = registry.counter("ntm.inspection-events.duplicates");
        this.poison = registry.counter("ntm.inspection-events.dead-lettered");
    }

    /**
     * Unordered: events of different inspections are handled in parallel on the worker pool (each is independent,
     * and a duplicate racing its original is settled by the processed-event key and the tasks' natural key).
     */
    @Incoming("inspection-events")
    @Blocking(ordered = false)
    public void consume(ConsumerRecord<String, String> record) {
        UUID eventId;
        InspectionFinalized event;
        try {
            eventId = eventId(record);
            event = parse(record);
        } catch (PoisonMessage e) {
            poison.increment();
            Log.warnf("dead-lettering inspection-events record at partition %d offset %d: %s", record.partition(),
                    record.offset(), e.getMessage());
            throw e;
        }
        InspectionEventHandler.Outcome outcome = handleWithRetries(eventId, event);
        (outcome.duplicate() ? duplicates : processed).increment();
        Instant sent = time(record);
        if (sent != null) {
            lag.record(Duration.between(sent, Instant.now()));
        }
    }

    private InspectionEventHandler.Outcome handleWithRetries(UUID eventId, InspectionFinalized event) {
        for (int attempt = 1; ; attempt++) {
            try {
                return handler.handle(eventId, event);
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    poison.increment();
                    throw new PoisonMessage("processing failed: " + rootMessage(e), e);
                }
                if (maxAttempts > 0 && attempt >= maxAttempts) {
                    poison.increment();
                    throw new PoisonMessage("still failing after " + attempt + " attempts: " + rootMessage(e), e);
                }
                long backoff = Math.min(10_000L, 200L << attempt);
                Log.warnf("event %s failed (attempt %d), retrying in %d ms: %s", eventId, attempt, backoff,
                        rootMessage(e));
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private InspectionFinalized parse(ConsumerRecord<String, String> record) {
        String type = header(record, CloudEventHeaders.TYPE);
        if (!EventTypes.INSPECTION_FINALIZED.equals(type)) {
            throw new PoisonMessage("unknown ce_type '" + type + "'; expected " + EventTypes.INSPECTION_FINALIZED);
        }
        if (record.value() == null || record.value().isBlank()) {
            throw new PoisonMessage("empty record value");
        }
        InspectionFinalized event;
        try {
            event = json.readValue(record.value(), InspectionFinalized.class);
        } catch (JsonProcessingException e) {
            throw new PoisonMessage("malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (event == null || event.schemaVersion() != InspectionFinalized.SCHEMA_VERSION) {
            throw new PoisonMessage("unsupported schemaVersion " + (event == null ? null : event.schemaVersion())
                    + "; expected " + InspectionFinalized.SCHEMA_VERSION);
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

    private static UUID eventId(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        if (id == null || id.isBlank()) {
            throw new PoisonMessage("missing ce_id header");
        }
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw new PoisonMessage("ce_id '" + id + "' is not a UUID");
        }
    }

    private static Instant time(ConsumerRecord<String, String> record) {
        String time = header(record, CloudEventHeaders.TIME);
        try {
            return time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // connection (08), serialization/deadlock (40), operator intervention (57), no state: pool timeout
                return state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("57");
            }
            if (t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof jakarta.persistence.PessimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
