package vn.ntm.platform.outbox;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Check "outbox" of the {@code dependencies} health group ({@code /q/health/group/dependencies}, what operators
 * alert on): down when rows are parked (beyond {@code ntm.outbox.health.max-parked}), when the oldest pending row
 * is older than {@code ntm.outbox.health.max-lag}, or when the figures could not be read for that long. Not
 * readiness: a backlog waiting for the broker is what the outbox is for, and the instance still serves its API.
 * Answers within a second whatever the database does.
 */
// the group's name is platform-health's HealthGroups.DEPENDENCIES, repeated so that the outbox does not depend on it
@HealthGroup("dependencies")
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    private final OutboxStats stats;
    private final OutboxConfig config;

    public OutboxHealthCheck(OutboxStats stats, OutboxConfig config) {
        this.stats = stats;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("outbox");
        Optional<OutboxRows.Stats> read = stats.current(Duration.ofMillis(800));
        Duration maxLag = config.health().maxLag();
        if (read.isEmpty()) {
            return health.down().withData("error", "the outbox table could not be read").build();
        }
        OutboxRows.Stats s = read.get();
        health.withData("pending", s.pending()).withData("parked", s.parked())
                .withData("lagSeconds", Math.round(s.lagSeconds())).withData("readAt", s.at().toString());
        int maxParked = config.health().maxParked();
        if (s.at().isBefore(Instant.now().minus(maxLag))) {
            return health.down().withData("error", "the outbox table could not be read since " + s.at()).build();
        }
        if (maxParked >= 0 && s.parked() > maxParked) {
            return health.down().withData("error", s.parked() + " event(s) parked: see GET /admin/outbox/parked")
                    .build();
        }
        if (s.lagSeconds() > maxLag.toSeconds()) {
            return health.down().withData("error", "the oldest pending event waits for more than " + maxLag)
                    .build();
        }
        return health.up().build();
    }
}
