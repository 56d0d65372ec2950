package vn.ntm.system;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Locale;

/**
 * The environment variables a service reads without naming them in its application.properties: Quarkus turns every
 * {@code KAFKA_<NAME>} into the Kafka client setting {@code <name>} (lower case, {@code _} → {@code .}) of all its
 * Kafka clients (README "Kafka security"). Only real client settings count, so a misspelt one is still caught.
 */
final class KafkaClientVariables {

    static boolean isKafkaClientSetting(String variable) {
        if (!variable.startsWith("KAFKA_")) {
            return false;
        }
        String setting = variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
        return ProducerConfig.configNames().contains(setting) || ConsumerConfig.configNames().contains(setting)
                || AdminClientConfig.configNames().contains(setting);
    }

    private KafkaClientVariables() {
    }
}
