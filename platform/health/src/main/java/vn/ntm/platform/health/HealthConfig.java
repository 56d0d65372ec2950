package vn.ntm.platform.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Configuration of the database and broker probes ({@code ntm.health.*}). */
@ConfigMapping(prefix = "ntm.health")
public interface HealthConfig {
    /** How often the database and the broker are probed in the background. */
    @WithDefault("2s")
    Duration probeInterval();

    /** How long one probe may take before it counts as down. */
    @WithDefault("3s")
    Duration probeTimeout();

    /** Kafka client id of the broker probe. */
    @WithDefault("${quarkus.application.name}-health")
    String clientId();
}
