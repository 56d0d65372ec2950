package vn.ntm.platform.kafkasecurity;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.ntm.platform.health.ConsumerProgress;
import vn.ntm.platform.messaging.ChannelConsumer;
import vn.ntm.platform.messaging.PoisonMessage;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A consumer shaped like the services' ones (platform-messaging's {@link ChannelConsumer}): it keeps the event ids it
 * received and dead-letters the events whose payload asks for it.
 */
@ApplicationScoped
public class SecuredEventsConsumer {
    static final String POISON = "poison";

    private final ChannelConsumer channel;
    private final List<UUID> received = new CopyOnWriteArrayList<>();

    public SecuredEventsConsumer(ConsumerProgress progress) {
        this.channel = new ChannelConsumer(SecureKafkaResource.TOPIC, progress, 1);
    }

    @Incoming(SecureKafkaResource.TOPIC)
    @Blocking
    public CompletionStage<Void> consume(IncomingKafkaRecord<String, String> record) {
        return channel.track(record.getPartition(), record.getOffset(), () -> {
            try {
                UUID eventId = ChannelConsumer.eventId(record.getHeaders());
                if (record.getPayload().contains(POISON)) {
                    throw new PoisonMessage("event " + eventId + " asks to be dead-lettered");
                }
                received.add(eventId);
                return record.ack();
            } catch (PoisonMessage e) {
                return channel.deadLetter(record.getPartition(), record.getOffset(), e, record::nack);
            }
        });
    }

    List<UUID> received() {
        return List.copyOf(received);
    }
}
