package vn.ntm.inspection.messaging;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.inspection.service.CatalogService;
import vn.ntm.inspection.service.RegisterService;
import vn.ntm.inspection.service.SectorService;
import vn.ntm.platform.health.ConsumerProgress;
import vn.ntm.platform.messaging.Retrier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Thin adapter over {@link CatalogService#applyEvent} (published criteria sets) and
 * {@link RegisterService#applyEvent} (the administrative-unit register), {@link SectorService#applyEvent} (the sector
 * list), acknowledging each record itself. A record that can never be applied (no usable {@code ce_id}, unreadable body, a constraint or
 * data error) is nacked and goes to {@code criteria-events-dlq} with the reason; transient failures (database down,
 * out of connections, serialization conflicts, lock and pool timeouts) are retried with back-off until they succeed
 * (a positive {@code ntm.criteria-events.max-attempts} dead-letters them after that many attempts). When the
 * application stops in the middle of the retries the record is left unacknowledged and redelivered after the
 * restart.
 */
@io.quarkus.runtime.Startup
@ApplicationScoped
public class CriteriaEventsConsumer {
    static final String CHANNEL = "criteria-events";

    private final CatalogService catalog;
    private final RegisterService register;
    private final SectorService sectors;
    private final ConsumerProgress progress;
    private final Retrier retrier;

    public CriteriaEventsConsumer(CatalogService catalog, RegisterService register, SectorService sectors,
                                  ConsumerProgress progress,
                                  @ConfigProperty(name = "ntm.criteria-events.max-attempts", defaultValue = "0")
                                  int maxAttempts) {
        this.catalog = catalog;
        this.register = register;
        this.sectors = sectors;
        this.progress = progress;
        this.retrier = new Retrier(maxAttempts, Duration.ofMillis(400), Duration.ofSeconds(10));
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
            String eventId = header(record.getHeaders(), CloudEventHeaders.ID);
            String type = header(record.getHeaders(), CloudEventHeaders.TYPE);
            Optional<Boolean> applied;
            try {
                applied = retrier.run(() -> apply(eventId, type, record.getPayload()),
                        retry -> Log.warnf("criteria event %s failed (attempt %d), retrying in %d ms: %s", eventId,
                                retry.attempt(), retry.backoff().toMillis(), retry.failure().getMessage()));
            } catch (Retrier.GaveUp e) {
                Log.warnf("dead-lettering criteria-events record at partition %d offset %d: %s",
                        record.getPartition(), record.getOffset(), e.getMessage());
                return record.nack(e);
            }
            if (applied.isEmpty()) {
                Log.infof("stopping: criteria event %s at partition %d offset %d is left unacknowledged, to be"
                        + " redelivered", eventId, record.getPartition(), record.getOffset());
                return CompletableFuture.completedFuture(null);
            }
            return record.ack();
        } finally {
            progress.finished(CHANNEL, record.getPartition(), record.getOffset());
        }
    }

    private boolean apply(String eventId, String type, String payload) {
        if (AdminUnitsChanged.TYPE.equals(type)) {
            return register.applyEvent(eventId, payload);
        }
        if (EventTypes.SECTORS_CHANGED.equals(type)) {
            return sectors.applyEvent(eventId, payload);
        }
        return catalog.applyEvent(eventId, type, payload);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
