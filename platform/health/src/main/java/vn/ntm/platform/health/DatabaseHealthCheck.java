package vn.ntm.platform.health;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * "Database connections health check": readiness (the service can serve requests when its own database answers)
 * and the {@link HealthGroups#DEPENDENCIES} group. A class rather than a producer method: SmallRye Health lists the
 * checks of every group ({@code /q/health/group}) by their bean class, which a producer's is not.
 */
@Readiness
@HealthGroup(HealthGroups.DEPENDENCIES)
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {
    private final InfrastructureProbes probes;

    public DatabaseHealthCheck(InfrastructureProbes probes) {
        this.probes = probes;
    }

    @Override
    public HealthCheckResponse call() {
        return InfrastructureProbes.response("Database connections health check", probes.database());
    }
}
