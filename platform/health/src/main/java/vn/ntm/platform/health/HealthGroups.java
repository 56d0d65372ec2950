package vn.ntm.platform.health;

/** Health groups beyond Quarkus' liveness, readiness and startup. */
public final class HealthGroups {
    /**
     * {@code /q/health/group/dependencies} on the management interface: the broker, the consumers' progress, the
     * outbox backlog and the database, each as its own check. Operators alert on it; it never takes an instance out
     * of traffic (readiness is the database alone). platform/outbox names the group with the same literal.
     */
    public static final String DEPENDENCIES = "dependencies";

    private HealthGroups() {
    }
}
