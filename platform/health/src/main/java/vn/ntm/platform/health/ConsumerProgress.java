package vn.ntm.platform.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import vn.ntm.platform.messaging.ChannelConsumer;
import vn.ntm.platform.messaging.UnprocessedRecords;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How far behind each consumer channel is: the age of the oldest record it has received and not finished, as the
 * gauge {@code ntm.messaging.oldest.unprocessed.age{channel}} (seconds), and the check "Kafka consumers' progress"
 * of the {@link HealthGroups#DEPENDENCIES} group turns DOWN while that age is above
 * {@code ntm.<channel>.max-unprocessed-age} (60 s by default). Not readiness: a consumer stuck behind the broker or
 * a poison record says nothing about whether the API can answer. Answers from memory, never blocks. Consumers
 * report to it through their {@link ChannelConsumer}.
 */
@ApplicationScoped
public class ConsumerProgress implements ChannelConsumer.Progress {
    static final Duration DEFAULT_LIMIT = Duration.ofSeconds(60);

    private final MeterRegistry registry;
    private final Config config;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();

    private record Channel(UnprocessedRecords records, Duration limit) {
    }

    public ConsumerProgress(MeterRegistry registry, Config config) {
        this.registry = registry;
        this.config = config;
    }

    private Channel channel(String name) {
        return channels.computeIfAbsent(name, n -> {
            UnprocessedRecords records = new UnprocessedRecords(Clock.systemUTC());
            TimeGauge.builder("ntm.messaging.oldest.unprocessed.age", records, TimeUnit.MILLISECONDS,
                            r -> r.oldestAge().toMillis())
                    .tag("channel", n)
                    .description("age of the oldest record the consumer has received and not yet finished")
                    .register(registry);
            Duration limit = config.getOptionalValue("ntm." + n + ".max-unprocessed-age", Duration.class)
                    .orElse(DEFAULT_LIMIT);
            return new Channel(records, limit);
        });
    }

    /** Makes the channel known to the gauge and the check before its first record. */
    @Override
    public void register(String channel) {
        channel(channel);
    }

    @Override
    public void received(String channel, int partition, long offset) {
        channel(channel).records().received(partition, offset);
    }

    @Override
    public void finished(String channel, int partition, long offset) {
        channel(channel).records().finished(partition, offset);
    }

    public Duration oldestAge(String channel) {
        return channel(channel).records().oldestAge();
    }

    /** The check "Kafka consumers' progress" ({@link ConsumerProgressHealthCheck}). */
    HealthCheckResponse check() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka consumers' progress").up();
        channels.forEach((name, channel) -> {
            Duration age = channel.records().oldestAge();
            response.withData(name + " oldest unprocessed record (s)", age.toSeconds());
            response.withData(name + " records in progress", channel.records().size());
            if (age.compareTo(channel.limit()) > 0) {
                response.down().withData(name, "a record has waited " + age.toSeconds() + " s, more than the "
                        + channel.limit().toSeconds() + " s allowed (ntm." + name + ".max-unprocessed-age)");
            }
        });
        return response.build();
    }
}
