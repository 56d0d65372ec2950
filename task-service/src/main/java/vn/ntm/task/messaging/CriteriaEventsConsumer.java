package vn.ntm.task.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import vn.ntm.contracts.AdminUnitsChanged;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.EventTypes;
import vn.ntm.platform.health.ConsumerProgress;
import vn.ntm.platform.messaging.Retrier;
import vn.ntm.task.service.CatalogCopyService;
import vn.ntm.task.service.RegisterCopyService;
import vn.ntm.task.service.SuccessionService;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Thin adapter from {@code criteria-events} to the register copy, acknowledging each record itself:
 * {@code ntm.admin-units.changed} is applied once per {@code ce_id}, then the succession run moves the open tasks of
 * units that have ceased by today; {@code ntm.criteria-set.published} replaces the set's rows of the catalog copy
 * (lead and cooperating sectors, mapping between sets), once per {@code ce_id}. Other event types are skipped. A record that can never be applied is nacked to {@code criteria-events-dlq}; transient failures are
 * retried with back-off (shared {@link Retrier}); a stop in the middle leaves the record unacknowledged.
 */
@io.quarkus.runtime.Startup
@ApplicationScoped
public class CriteriaEventsConsumer {
    static final String CHANNEL = "criteria-events";

    private final RegisterCopyService register;
    private final SuccessionService succession;
    private final CatalogCopyService catalog;
    private final ObjectMapper json;
    private final ConsumerProgress progress;
    private final Retrier retrier;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter poison;

    public CriteriaEventsConsumer(RegisterCopyService register, SuccessionService succession,
                                  CatalogCopyService catalog, ObjectMapper json,
                                  ConsumerProgress progress, MeterRegistry registry,
                                  @ConfigProperty(name = "ntm.criteria-events.max-attempts", defaultValue = "0")
                                  int maxAttempts) {
        this.register = register;
        this.succession = succession;
        this.catalog = catalog;
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.progress = progress;
        this.retrier = new Retrier(maxAttempts, Duration.ofMillis(400), Duration.ofSeconds(10));
        this.applied = registry.counter("ntm.criteria-events.applied");
        this.duplicates = registry.counter("ntm.criteria-events.duplicates");
        this.poison = registry.counter("ntm.criteria-events.dead-lettered");
        progress.register(CHANNEL);
    }

    void stopping(@Observes ShutdownEvent event) {
        retrier.stop();
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(IncomingKafkaRecord<String, String> record) {
        progress.received(CHANNEL, record.getPartition(), record.getOffset());
        try {
            String type = header(record.getHeaders(), CloudEventHeaders.TYPE);
            if (EventTypes.CRITERIA_SET_PUBLISHED.equals(type)) {
                return copyCriteriaSet(record);
            }
            if (!EventTypes.ADMIN_UNITS_CHANGED.equals(type)) {
                return record.ack();
            }
            UUID eventId;
            AdminUnitsChanged event;
            try {
                eventId = eventId(record.getHeaders());
                event = parse(record.getPayload());
                RegisterCopyService.validate(event);
            } catch (PoisonMessage | RegisterCopyService.InvalidRegisterEvent e) {
                return deadLetter(record, e);
            }
            Optional<Boolean> fresh;
            try {
                fresh = retrier.run(() -> register.apply(eventId, event), retry -> Log.warnf(
                        "register event %s failed (attempt %d), retrying in %d ms: %s", eventId, retry.attempt(),
                        retry.backoff().toMillis(), retry.failure().getMessage()));
            } catch (Retrier.GaveUp e) {
                return deadLetter(record, e);
            }
            if (fresh.isEmpty()) {
                Log.infof("stopping: register event %s is left unacknowledged, to be redelivered", eventId);
                return CompletableFuture.completedFuture(null);
            }
            (fresh.get() ? applied : duplicates).increment();
            runSuccession(eventId);
            return record.ack();
        } finally {
            progress.finished(CHANNEL, record.getPartition(), record.getOffset());
        }
    }

    /** {@code ntm.criteria-set.published}: the catalog copy (lead, cooperating sectors, mapping between sets). */
    private CompletionStage<Void> copyCriteriaSet(IncomingKafkaRecord<String, String> record) {
        UUID eventId;
        CriteriaSetPublished event;
        try {
            eventId = eventId(record.getHeaders());
            event = parseSet(record.getPayload());
            CatalogCopyService.validate(event);
        } catch (PoisonMessage | CatalogCopyService.InvalidCatalogEvent e) {
            return deadLetter(record, e);
        }
        Optional<Boolean> fresh;
        try {
            fresh = retrier.run(() -> catalog.apply(eventId, event), retry -> Log.warnf(
                    "criteria set event %s failed (attempt %d), retrying in %d ms: %s", eventId, retry.attempt(),
                    retry.backoff().toMillis(), retry.failure().getMessage()));
        } catch (Retrier.GaveUp e) {
            return deadLetter(record, e);
        }
        if (fresh.isEmpty()) {
            Log.infof("stopping: criteria set event %s is left unacknowledged, to be redelivered", eventId);
            return CompletableFuture.completedFuture(null);
        }
        (fresh.get() ? applied : duplicates).increment();
        return record.ack();
    }

    private CriteriaSetPublished parseSet(String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonMessage("empty record value");
        }
        try {
            CriteriaSetPublished event = json.readValue(value, CriteriaSetPublished.class);
            if (event != null && event.schemaVersion() > CriteriaSetPublished.SCHEMA_VERSION) {
                throw new PoisonMessage("unsupported schemaVersion " + event.schemaVersion());
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new PoisonMessage("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void runSuccession(UUID eventId) {
        try {
            succession.runDue();
        } catch (RuntimeException e) {
            // the register is applied; the scheduled run moves what this one could not
            Log.warnf("succession run after register event %s failed, retried by the schedule: %s", eventId,
                    e.getMessage());
        }
    }

    private CompletionStage<Void> deadLetter(IncomingKafkaRecord<String, String> record, RuntimeException e) {
        poison.increment();
        Log.warnf("dead-lettering criteria-events record at partition %d offset %d: %s", record.getPartition(),
                record.getOffset(), e.getMessage());
        return record.nack(e);
    }

    private AdminUnitsChanged parse(String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonMessage("empty record value");
        }
        try {
            AdminUnitsChanged event = json.readValue(value, AdminUnitsChanged.class);
            if (event != null && event.schemaVersion() > AdminUnitsChanged.SCHEMA_VERSION) {
                throw new PoisonMessage("unsupported schemaVersion " + event.schemaVersion());
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new PoisonMessage("malformed JSON: " + e.getOriginalMessage(), e);
        }
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

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
