package vn.ntm.platform.messaging;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientConfigTest {
    /** What Quarkus' default-kafka-broker map holds for KAFKA_* variables and kafka.* properties of a service. */
    private static final Map<String, Object> SHARED = Map.ofEntries(
            Map.entry("bootstrap.servers", "kafka-1:9093"),
            Map.entry("security.protocol", "SASL_SSL"),
            Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
            Map.entry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
            Map.entry("ssl.truststore.location", "/etc/ntm/kafka/truststore.p12"),
            Map.entry("ssl.truststore.password", "secret"),
            Map.entry("ssl.keystore.location", "/etc/ntm/kafka/client.p12"),
            Map.entry("ssl.endpoint.identification.algorithm", ""),
            Map.entry("group.id", "task-service"),
            Map.entry("auto.offset.reset", "earliest"),
            Map.entry("acks", "all"),
            Map.entry("tls-configuration-name", "kafka"),
            Map.entry("heap.opts", "-Xmx1g"));

    private static final String[] SECURITY = {"bootstrap.servers", "security.protocol", "sasl.mechanism",
            "sasl.jaas.config", "ssl.truststore.location", "ssl.truststore.password", "ssl.keystore.location",
            "ssl.endpoint.identification.algorithm", "tls-configuration-name"};

    @Test
    void everyClientTypeGetsTheSecuritySettingsAsTheyAre() {
        for (Map<String, Object> config : java.util.List.of(KafkaClientConfig.admin(SHARED),
                KafkaClientConfig.producer(SHARED), KafkaClientConfig.consumer(SHARED))) {
            assertThat(config).containsKeys(SECURITY)
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("ssl.endpoint.identification.algorithm", "");
        }
    }

    @Test
    void keepsOnlyWhatTheClientTypeKnows() {
        assertThat(KafkaClientConfig.producer(SHARED)).containsEntry("acks", "all")
                .doesNotContainKeys("group.id", "auto.offset.reset", "heap.opts");
        assertThat(KafkaClientConfig.admin(SHARED)).doesNotContainKeys("group.id", "acks", "heap.opts");
        assertThat(KafkaClientConfig.consumer(SHARED)).containsEntry("group.id", "task-service")
                .doesNotContainKeys("acks", "heap.opts");
    }

    @Test
    void returnsAMapTheCallerMayAddItsOwnSettingsTo() {
        Map<String, Object> config = KafkaClientConfig.admin(SHARED);
        config.put("client.id", "task-service-health");
        assertThat(config).containsEntry("client.id", "task-service-health");
        assertThat(SHARED).doesNotContainKey("client.id");
    }
}
