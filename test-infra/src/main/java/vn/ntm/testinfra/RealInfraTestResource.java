package vn.ntm.testinfra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.ntm.localinfra.JwtKeys;
import vn.ntm.localinfra.Ports;
import vn.ntm.localinfra.Postgres;

import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real PostgreSQL and Kafka broker of this test JVM, and gives its management
 * interface a free port ({@link Management}). Init argument {@code database}: the service's database name.
 */
public class RealInfraTestResource implements QuarkusTestResourceLifecycleManager {
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        return Map.of(
                "quarkus.datasource.jdbc.url", infra.jdbcUrl(database),
                "quarkus.datasource.username", Postgres.USER,
                "quarkus.datasource.password", infra.databasePassword(),
                "kafka.bootstrap.servers", infra.bootstrapServers(),
                "mp.jwt.verify.publickey.location", infra.jwksLocation(),
                "mp.jwt.verify.issuer", JwtKeys.ISSUER,
                "mp.jwt.verify.audiences", JwtKeys.AUDIENCE,
                // a known free port rather than 0: the tests reach health and metrics there (Management)
                "quarkus.management.test-port", Integer.toString(Ports.freePort()));
    }

    @Override
    public void stop() {
        // the infrastructure lives as long as the test JVM: restarting it per test class would cost seconds each
    }
}
