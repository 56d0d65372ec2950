package vn.ntm.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Everything the outbox and its relay can be told, under {@code ntm.outbox.*}. */
@ConfigMapping(prefix = "ntm.outbox")
public interface OutboxConfig {

    /** Where the relay sends records. */
    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();

    /** CloudEvents {@code ce_source} of every record, e.g. {@code /ntm/task-service}. */
    @WithDefault("/ntm/${quarkus.application.name}")
    String source();

    /** Kafka client id of the relay's producer. */
    @WithDefault("${quarkus.application.name}-outbox")
    String clientId();

    /**
     * PostgreSQL advisory lock held by the relay during a batch, so one relay runs at a time across instances of
     * the service. Instances being upgraded side by side must use the same value.
     */
    @WithDefault("5133389")
    long lockId();

    /** How often the relay looks for rows when no local commit woke it (other instances' commits, retries). */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Rows sent per batch. */
    @WithDefault("200")
    int batchSize();

    /** The largest record the relay sends (the producer's {@code max.request.size}); larger rows are parked. */
    @WithDefault("1048576")
    int maxEventBytes();

    /** Failed sends of one row, while the broker accepts others, after which the row is parked. */
    @WithDefault("10")
    int maxAttempts();

    /** How long one send may take until it counts as failed (the producer's {@code delivery.timeout.ms}). */
    @WithDefault("15s")
    Duration sendTimeout();

    /**
     * How long the relay waits for the cluster to name its brokers after a send failed, to tell an outage (nothing
     * counts as an attempt) from a failure of the row; an unanswered probe counts as an outage.
     */
    @WithDefault("2s")
    Duration probeTimeout();

    /** Longest pause between relay attempts while the broker is unreachable (exponential from 250 ms). */
    @WithDefault("30s")
    Duration backoffMax();

    /** How long published rows are kept before the hourly purge deletes them. */
    @WithDefault("7d")
    Duration retention();

    Health health();

    interface Health {
        /** Figures read more recently than this are reused by the gauges and the health check. */
        @WithDefault("1s")
        Duration statsMaxAge();

        /** The health check "outbox" goes down when the oldest pending row is older than this. */
        @WithDefault("5m")
        Duration maxLag();

        /**
         * The health check "outbox" goes down when more rows than this are parked; -1 (the default) only reports them
         * in the check's data, since a parked row stays parked across restarts and would keep the alert on.
         */
        @WithDefault("-1")
        int maxParked();
    }
}
