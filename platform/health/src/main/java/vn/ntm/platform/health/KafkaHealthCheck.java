package vn.ntm.platform.health;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * "Kafka connection health check", in the {@link HealthGroups#DEPENDENCIES} group only: a broker outage is for
 * operators to see, not a reason to take the instance out of traffic (its writes wait in the outbox).
 */
@HealthGroup(HealthGroups.DEPENDENCIES)
@ApplicationScoped
public class KafkaHealthCheck implements HealthCheck {
    private final InfrastructureProbes probes;

    public KafkaHealthCheck(InfrastructureProbes probes) {
        this.probes = probes;
    }

    @Override
    public HealthCheckResponse call() {
        return InfrastructureProbes.response("Kafka connection health check", probes.kafka());
    }
}
