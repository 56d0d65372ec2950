package vn.ntm.platform.kafkasecurity;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.ntm.localinfra.Postgres;
import vn.ntm.testinfra.SecureKafka;
import vn.ntm.testinfra.TestInfrastructure;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Points the test application at the real PostgreSQL and at the SASL_SSL listener of the test JVM's secure broker,
 * with the credentials of a user the broker does not know yet (the test creates it) and the generated TLS stores,
 * as {@code kafka.*} properties: the one configuration every Kafka client of the application reads.
 */
public class SecureKafkaResource implements QuarkusTestResourceLifecycleManager {
    static final String TOPIC = "secured-events";
    static final String DEAD_LETTERS = "secured-events-dlq";
    /** Given to the application by the environment (the pom's surefire configuration), as an operator would. */
    static final Set<String> FROM_ENVIRONMENT = Set.of("security.protocol", "sasl.mechanism");

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        SecureKafka kafka = infra.secureKafka();
        kafka.createTopics(Map.of(TOPIC, 1, DEAD_LETTERS, 1));
        String user = "kafka-security-test";
        String password = Postgres.newPassword();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.jdbcUrl("kafka_security"));
        config.put("quarkus.datasource.username", Postgres.USER);
        config.put("quarkus.datasource.password", infra.databasePassword());
        kafka.clientConfig(user, password).forEach((key, value) -> {
            if (!FROM_ENVIRONMENT.contains(key)) {
                config.put("kafka." + key, value);
            }
        });
        // for the test only: the user to create on the broker
        config.put("ntm.test.kafka.user", user);
        config.put("ntm.test.kafka.password", password);
        return config;
    }

    @Override
    public void stop() {
        // the infrastructure lives as long as the test JVM
    }
}
