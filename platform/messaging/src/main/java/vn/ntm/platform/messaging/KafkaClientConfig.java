package vn.ntm.platform.messaging;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The configuration of a Kafka client the services build themselves (the outbox relay's producer, the admin clients
 * of the readiness probes), taken from the same map as the SmallRye channels: Quarkus' {@code default-kafka-broker}
 * map, which holds every {@code kafka.*} property and every {@code KAFKA_*} environment variable
 * ({@code KAFKA_SASL_JAAS_CONFIG} becomes {@code sasl.jaas.config}). So {@code security.protocol}, the SASL and TLS
 * settings and anything else an operator sets there reach every client of the service. Only the entries the client
 * type knows are kept (a producer gets no {@code group.id}); values pass as they are, empty ones included, as the
 * channels receive them. The caller then puts its own settings (timeouts, client id) on top.
 */
public final class KafkaClientConfig {
    /**
     * Not a Kafka setting, but read by the SSL engine factory Quarkus installs when
     * {@code kafka.tls-configuration-name} names a TLS configuration of the Quarkus TLS registry.
     */
    static final String QUARKUS_TLS_CONFIGURATION = "tls-configuration-name";

    /** The shared entries an admin client understands. */
    public static Map<String, Object> admin(Map<String, ?> shared) {
        return select(shared, AdminClientConfig.configNames());
    }

    /** The shared entries a producer understands. */
    public static Map<String, Object> producer(Map<String, ?> shared) {
        return select(shared, ProducerConfig.configNames());
    }

    /** The shared entries a consumer understands. */
    public static Map<String, Object> consumer(Map<String, ?> shared) {
        return select(shared, ConsumerConfig.configNames());
    }

    private static Map<String, Object> select(Map<String, ?> shared, Set<String> known) {
        Map<String, Object> config = new HashMap<>();
        shared.forEach((key, value) -> {
            if (value != null && (known.contains(key) || key.equals(QUARKUS_TLS_CONFIGURATION))) {
                config.put(key, value);
            }
        });
        return config;
    }

    private KafkaClientConfig() {
    }
}
