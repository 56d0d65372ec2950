package vn.ntm.inspection.inspections;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of this service's inspection rules (README "Configuration"). */
@ConfigMapping(prefix = "ntm.inspection")
public interface InspectionConfig {

    /**
     * Largest serialized {@code ntm.inspection.finalized} a finalize may produce, in bytes: below Kafka's default
     * 1 MiB ({@code max.request.size}/{@code message.max.bytes}) with room for key, headers and batch overhead.
     */
    @WithDefault("1000000")
    int maxEventBytes();

    /** How long an {@code Idempotency-Key} is remembered; a retry after that is a new request. */
    @WithDefault("24h")
    Duration idempotencyTtl();
}
