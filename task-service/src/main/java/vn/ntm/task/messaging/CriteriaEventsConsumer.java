package vn.ntm.task.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.ntm.contracts.AdminUnitsChanged;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.task.service.RegisterCopyService;
import vn.ntm.task.service.SuccessionService;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Thin adapter from {@code criteria-events} to the register copy: {@code ntm.admin-units.changed} is applied once per
 * {@code ce_id}, then the succession run moves the open tasks of units that have ceased by today. Other event types
 * on the topic (criteria sets) are not task-service's concern and are skipped. A record that can never be applied
 * goes to {@code criteria-events-dlq}; a transient database failure is retried with backoff.
 */
@io.quarkus.runtime.Startup
@ApplicationScoped
public class CriteriaEventsConsumer {
    private final RegisterCopyService register;
    private final SuccessionService succession;
    private final ObjectMapper json;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter poison;

    public CriteriaEventsConsumer(RegisterCopyService register, SuccessionService succession, ObjectMapper json,
                                  MeterRegistry registry) {
        this.register = register;
        this.succession = succession;
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.applied = registry.counter("ntm.criteria-events.applied");
        this.duplicates = registry.counter("ntm.criteria-events.duplicates");
        this.poison = registry.counter("ntm.criteria-events.dead-lettered");
    }

    @Incoming("criteria-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        String type = header(record, CloudEventHeaders.TYPE);
        if (!EventTypes.ADMIN_UNITS_CHANGED.equals(type)) {
            return;
        }
        UUID eventId;
        AdminUnitsChanged event;
        try {
            eventId = eventId(record);
            event = parse(record);
            RegisterCopyService.validate(event);
        } catch (PoisonMessage | RegisterCopyService.InvalidRegisterEvent e) {
            poison.increment();
            Log.warnf("dead-lettering criteria-events record at partition %d offset %d: %s", record.partition(),
                    record.offset(), e.getMessage());
            throw e instanceof PoisonMessage p ? p : new PoisonMessage(e.getMessage(), e);
        }
        boolean fresh = applyWithRetries(eventId, event);
        (fresh ? applied : duplicates).increment();
        try {
            succession.runDue();
        } catch (RuntimeException e) {
            // the register is applied; the scheduled run moves what this one could not
            Log.warnf("succession run after register event %s failed, retried by the schedule: %s", eventId,
                    e.getMessage());
        }
    }

    private boolean applyWithRetries(UUID eventId, AdminUnitsChanged event) {
        for (int attempt = 1; ; attempt++) {
            try {
                return register.apply(eventId, event);
            } catch (RuntimeException e) {
                if (!InspectionEventsConsumer.isTransient(e)) {
                    poison.increment();
                    throw new PoisonMessage("register event could not be applied: " + e.getMessage(), e);
                }
                long backoff = Math.min(10_000L, 200L << Math.min(attempt, 6));
                Log.warnf("register event %s failed (attempt %d), retrying in %d ms: %s", eventId, attempt, backoff,
                        e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private AdminUnitsChanged parse(ConsumerRecord<String, String> record) {
        if (record.value() == null || record.value().isBlank()) {
            throw new PoisonMessage("empty record value");
        }
        try {
            AdminUnitsChanged event = json.readValue(record.value(), AdminUnitsChanged.class);
            if (event != null && event.schemaVersion() > AdminUnitsChanged.SCHEMA_VERSION) {
                throw new PoisonMessage("unsupported schemaVersion " + event.schemaVersion());
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new PoisonMessage("malformed JSON: " + e.getOriginalMessage(), e);
        }
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

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
