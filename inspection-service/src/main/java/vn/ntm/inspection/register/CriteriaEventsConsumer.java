package vn.ntm.inspection.register;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.inspection.catalog.CatalogService;
import vn.ntm.platform.health.ConsumerProgress;
import vn.ntm.platform.messaging.ChannelConsumer;
import vn.ntm.platform.messaging.PoisonMessage;
import vn.ntm.platform.messaging.Retrier;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Thin adapter over {@link CatalogService#applyEvent} (published criteria sets),
 * {@link RegisterService#applyEvent} (the administrative-unit register) and {@link SectorService#applyEvent} (the
 * sector list), acknowledging each record itself; progress, retries and headers are platform-messaging's
 * {@link ChannelConsumer}. A record that can never be applied (no usable {@code ce_id}, unreadable body, a
 * constraint or data error) is nacked and goes to {@code criteria-events-dlq} with the reason; transient failures
 * (database down, out of connections, serialization conflicts, lock and pool timeouts) are retried with back-off
 * until they succeed (a positive {@code ntm.criteria-events.max-attempts} dead-letters them after that many
 * attempts). When the application stops in the middle of the retries the record is left unacknowledged and
 * redelivered after the restart.
 */
@io.quarkus.runtime.Startup
@ApplicationScoped
public class CriteriaEventsConsumer {
    static final String CHANNEL = "criteria-events";

    private final CatalogService catalog;
    private final RegisterService register;
    private final SectorService sectors;
    private final ChannelConsumer channel;

    public CriteriaEventsConsumer(CatalogService catalog, RegisterService register, SectorService sectors,
                                  ConsumerProgress progress,
                                  @ConfigProperty(name = "ntm.criteria-events.max-attempts", defaultValue = "0")
                                  int maxAttempts,
                                  @ConfigProperty(name = "ntm.messaging.retry-first-backoff", defaultValue = "400ms")
                                  Duration firstBackoff,
                                  @ConfigProperty(name = "ntm.messaging.retry-max-backoff", defaultValue = "10s")
                                  Duration maxBackoff) {
        this.catalog = catalog;
        this.register = register;
        this.sectors = sectors;
        this.channel = new ChannelConsumer(CHANNEL, progress, maxAttempts, firstBackoff, maxBackoff);
    }

    void stopping(@Observes ShutdownEvent event) {
        channel.stop();
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(IncomingKafkaRecord<String, String> record) {
        return channel.track(record.getPartition(), record.getOffset(), () -> {
            UUID eventId;
            try {
                eventId = ChannelConsumer.eventId(record.getHeaders());
            } catch (PoisonMessage e) {
                return channel.deadLetter(record.getPartition(), record.getOffset(), e, record::nack);
            }
            String type = ChannelConsumer.header(record.getHeaders(), CloudEventHeaders.TYPE);
            String what = "criteria event " + eventId + " at partition " + record.getPartition() + " offset "
                    + record.getOffset();
            Optional<Boolean> applied;
            try {
                applied = channel.retry(what, () -> apply(eventId, type, record.getPayload()));
            } catch (Retrier.GaveUp e) {
                return channel.deadLetter(record.getPartition(), record.getOffset(), e, record::nack);
            }
            if (applied.isEmpty()) {
                channel.leftForRedelivery(what);
                return CompletableFuture.completedFuture(null);
            }
            return record.ack();
        });
    }

    private boolean apply(UUID eventId, String type, String payload) {
        if (EventTypes.ADMIN_UNITS_CHANGED.equals(type)) {
            return register.applyEvent(eventId, payload);
        }
        if (EventTypes.SECTORS_CHANGED.equals(type)) {
            return sectors.applyEvent(eventId, payload);
        }
        return catalog.applyEvent(eventId, type, payload);
    }
}
