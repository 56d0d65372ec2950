package vn.ntm.task.register;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.ntm.contracts.AdminUnitsChanged;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.SectorsChanged;
import vn.ntm.platform.health.ConsumerProgress;
import vn.ntm.platform.messaging.ChannelConsumer;
import vn.ntm.platform.messaging.PoisonMessage;
import vn.ntm.platform.messaging.Retrier;
import vn.ntm.task.rules.CatalogCopyService;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Thin adapter from {@code criteria-events} to the register copy, acknowledging each record itself:
 * {@code ntm.admin-units.changed} is applied once per {@code ce_id}, then the succession run moves the open tasks of
 * units that have ceased by today; {@code ntm.sectors.changed} replaces the sector copy once per {@code ce_id}, then
 * the same run moves the open work of departments whose sector ceased; {@code ntm.criteria-set.published} replaces
 * the set's rows of the catalog copy (lead and cooperating sectors, mapping between sets), once per {@code ce_id},
 * and the criteria's lead departments with it ({@link SectorCopyService}). Other event types are skipped. A
 * record that can never be applied is nacked to {@code criteria-events-dlq}; transient failures are retried with
 * back-off; a stop in the middle leaves the record unacknowledged (progress, retries and headers are
 * platform-messaging's {@link ChannelConsumer}).
 */
@io.quarkus.runtime.Startup
@ApplicationScoped
public class CriteriaEventsConsumer {
    static final String CHANNEL = "criteria-events";

    private final RegisterCopyService register;
    private final SuccessionService succession;
    private final CatalogCopyService catalog;
    private final SectorCopyService sectors;
    private final ObjectMapper json;
    private final ChannelConsumer channel;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter poison;

    public CriteriaEventsConsumer(RegisterCopyService register, SuccessionService succession,
                                  CatalogCopyService catalog, SectorCopyService sectors, ObjectMapper json,
                                  ConsumerProgress progress, MeterRegistry registry,
                                  @ConfigProperty(name = "ntm.criteria-events.max-attempts", defaultValue = "0")
                                  int maxAttempts,
                                  @ConfigProperty(name = "ntm.messaging.retry-first-backoff", defaultValue = "400ms")
                                  Duration firstBackoff,
                                  @ConfigProperty(name = "ntm.messaging.retry-max-backoff", defaultValue = "10s")
                                  Duration maxBackoff) {
        this.register = register;
        this.succession = succession;
        this.catalog = catalog;
        this.sectors = sectors;
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.channel = new ChannelConsumer(CHANNEL, progress, maxAttempts, firstBackoff, maxBackoff);
        this.applied = registry.counter("ntm.criteria-events.applied");
        this.duplicates = registry.counter("ntm.criteria-events.duplicates");
        this.poison = registry.counter("ntm.criteria-events.dead-lettered");
    }

    void stopping(@Observes ShutdownEvent event) {
        channel.stop();
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(IncomingKafkaRecord<String, String> record) {
        return channel.track(record.getPartition(), record.getOffset(), () -> {
            String type = ChannelConsumer.header(record.getHeaders(), CloudEventHeaders.TYPE);
            if (EventTypes.CRITERIA_SET_PUBLISHED.equals(type)) {
                return copyCriteriaSet(record);
            }
            if (EventTypes.SECTORS_CHANGED.equals(type)) {
                return copySectors(record);
            }
            if (!EventTypes.ADMIN_UNITS_CHANGED.equals(type)) {
                return record.ack();
            }
            return copyRegister(record);
        });
    }

    /** {@code ntm.admin-units.changed}: the register copy, then the succession of the units ceased by today. */
    private CompletionStage<Void> copyRegister(IncomingKafkaRecord<String, String> record) {
        UUID eventId;
        AdminUnitsChanged event;
        try {
            eventId = ChannelConsumer.eventId(record.getHeaders());
            event = parse(record.getPayload());
            RegisterCopyService.validate(event);
        } catch (PoisonMessage | RegisterCopyService.InvalidRegisterEvent e) {
            return deadLetter(record, e);
        }
        Optional<Boolean> fresh;
        try {
            fresh = channel.retry("register event " + eventId, () -> register.apply(eventId, event));
        } catch (Retrier.GaveUp e) {
            return deadLetter(record, e);
        }
        if (fresh.isEmpty()) {
            channel.leftForRedelivery("register event " + eventId);
            return CompletableFuture.completedFuture(null);
        }
        (fresh.get() ? applied : duplicates).increment();
        runSuccession(eventId);
        return record.ack();
    }

    /** {@code ntm.criteria-set.published}: the catalog copy (lead, cooperating sectors, mapping between sets). */
    private CompletionStage<Void> copyCriteriaSet(IncomingKafkaRecord<String, String> record) {
        UUID eventId;
        CriteriaSetPublished event;
        try {
            eventId = ChannelConsumer.eventId(record.getHeaders());
            event = parseSet(record.getPayload());
            CatalogCopyService.validate(event);
        } catch (PoisonMessage | CatalogCopyService.InvalidCatalogEvent e) {
            return deadLetter(record, e);
        }
        Optional<Boolean> fresh;
        try {
            fresh = channel.retry("criteria set event " + eventId, () -> sectors.applyCatalog(eventId, event));
        } catch (Retrier.GaveUp e) {
            return deadLetter(record, e);
        }
        if (fresh.isEmpty()) {
            channel.leftForRedelivery("criteria set event " + eventId);
            return CompletableFuture.completedFuture(null);
        }
        (fresh.get() ? applied : duplicates).increment();
        return record.ack();
    }

    /** {@code ntm.sectors.changed}: the sector copy, then the succession of the departments ceased by today. */
    private CompletionStage<Void> copySectors(IncomingKafkaRecord<String, String> record) {
        UUID eventId;
        SectorsChanged event;
        try {
            eventId = ChannelConsumer.eventId(record.getHeaders());
            event = parseSectors(record.getPayload());
            SectorCopyService.validate(event);
        } catch (PoisonMessage | SectorCopyService.InvalidSectorEvent e) {
            return deadLetter(record, e);
        }
        Optional<Boolean> fresh;
        try {
            fresh = channel.retry("sector event " + eventId, () -> sectors.apply(eventId, event));
        } catch (Retrier.GaveUp e) {
            return deadLetter(record, e);
        }
        if (fresh.isEmpty()) {
            channel.leftForRedelivery("sector event " + eventId);
            return CompletableFuture.completedFuture(null);
        }
        (fresh.get() ? applied : duplicates).increment();
        runSuccession(eventId);
        return record.ack();
    }

    private SectorsChanged parseSectors(String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonMessage("empty record value");
        }
        try {
            SectorsChanged event = json.readValue(value, SectorsChanged.class);
            if (event != null && event.schemaVersion() > SectorsChanged.SCHEMA_VERSION) {
                throw new PoisonMessage("unsupported schemaVersion " + event.schemaVersion());
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new PoisonMessage("malformed JSON: " + e.getOriginalMessage(), e);
        }
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
        return channel.deadLetter(record.getPartition(), record.getOffset(), e, record::nack);
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
}
