package vn.ntm.platform.health;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.health.HealthCheckResponse;
import vn.ntm.platform.messaging.CachedProbe;
import vn.ntm.platform.messaging.KafkaClientConfig;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The database and the Kafka broker, answered at once from probes that run in the background (every
 * {@code ntm.health.probe-interval}) and count as DOWN when they get no answer within
 * {@code ntm.health.probe-timeout}. They replace Quarkus' own checks, which wait on the dependency: with the broker
 * frozen, Kafka's waited for the admin client's 60 s default and {@code /q/health/ready} hung with it.
 * <p>
 * Readiness is the database alone ({@link DatabaseHealthCheck}): an instance whose database answers serves its API
 * (writes wait in the outbox while the broker is away), so a broker outage must not take every instance out of its
 * Service. The broker check ({@link KafkaHealthCheck}) is in the {@link HealthGroups#DEPENDENCIES} group, beside the
 * database check, and both probes are gauges {@code ntm.health.probe.up{probe}} (1 up, 0 down).
 */
@ApplicationScoped
public class InfrastructureProbes {
    private final CachedProbe database;
    private final CachedProbe kafka;
    private final Map<String, Object> kafkaConfig;
    private final Duration timeout;
    private final String clientId;
    private Admin admin;

    public InfrastructureProbes(AgroalDataSource dataSource,
                                @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                                HealthConfig config, MeterRegistry registry) {
        Duration interval = config.probeInterval();
        Duration timeout = config.probeTimeout();
        this.kafkaConfig = kafkaConfig;
        this.clientId = config.clientId();
        this.timeout = timeout;
        this.database = new CachedProbe("database", () -> {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
                st.execute("select 1");
                return "select 1 answered";
            }
        }, interval, timeout, Clock.systemUTC());
        this.kafka = new CachedProbe("kafka", () -> {
            int nodes = admin().describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            return nodes + " broker(s)";
        }, interval, timeout, Clock.systemUTC());
        gauge(registry, database);
        gauge(registry, kafka);
    }

    private static void gauge(MeterRegistry registry, CachedProbe probe) {
        Gauge.builder("ntm.health.probe.up", probe, p -> p.status().up() ? 1 : 0).tag("probe", probe.name())
                .description("1 while the background probe of the dependency answers, 0 while it does not")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        // a first answer before the first request; each is bounded by the probe timeout
        database.runOnce();
        kafka.runOnce();
        database.start();
        kafka.start();
    }

    void stop(@Observes ShutdownEvent event) {
        database.close();
        kafka.close();
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ZERO);
            }
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = KafkaClientConfig.admin(kafkaConfig);
            int millis = (int) timeout.toMillis();
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
            admin = Admin.create(config);
        }
        return admin;
    }

    /** The database probe's latest answer, at once. */
    public CachedProbe.Status database() {
        return database.status();
    }

    /** The broker probe's latest answer, at once. */
    public CachedProbe.Status kafka() {
        return kafka.status();
    }

    static HealthCheckResponse response(String name, CachedProbe.Status status) {
        return HealthCheckResponse.named(name).status(status.up()).withData("detail", status.detail()).build();
    }
}
