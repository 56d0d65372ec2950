package vn.ntm.platform.health;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** "Kafka consumers' progress" ({@link ConsumerProgress}), in the {@link HealthGroups#DEPENDENCIES} group only. */
@HealthGroup(HealthGroups.DEPENDENCIES)
@ApplicationScoped
public class ConsumerProgressHealthCheck implements HealthCheck {
    private final ConsumerProgress progress;

    public ConsumerProgressHealthCheck(ConsumerProgress progress) {
        this.progress = progress;
    }

    @Override
    public HealthCheckResponse call() {
        return progress.check();
    }
}
