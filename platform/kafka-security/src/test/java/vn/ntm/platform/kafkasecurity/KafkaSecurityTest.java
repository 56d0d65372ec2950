package vn.ntm.platform.kafkasecurity;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.platform.outbox.Outbox;
import vn.ntm.platform.outbox.OutboxEvent;
import vn.ntm.testinfra.SecureKafka;
import vn.ntm.testinfra.TestInfrastructure;
import vn.ntm.testinfra.TopicReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every Kafka client of the application takes its security from the one Kafka configuration: with credentials the
 * broker does not know, the relay, the readiness probe and the channel are all refused (an error in the log, the
 * Kafka check down, the event kept pending); once the broker knows the user, the pending event is published over
 * SASL_SSL, the channel consumes it and its dead-letter producer writes a poison event to the dead-letter topic.
 */
@QuarkusTest
@QuarkusTestResource(SecureKafkaResource.class)
class KafkaSecurityTest {
    private static final String KAFKA_CHECK = "Kafka connection health check";

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource db;

    @Inject
    SecuredEventsConsumer consumer;

    @ConfigProperty(name = "ntm.test.kafka.user")
    String user;

    @ConfigProperty(name = "ntm.test.kafka.password")
    String password;

    private final ErrorLog relayErrors = new ErrorLog();
    private final Logger relayLogger = Logger.getLogger("vn.ntm.platform.outbox.OutboxRelay");

    @BeforeEach
    void captureTheRelaysErrors() {
        relayLogger.addHandler(relayErrors);
    }

    @AfterEach
    void stopCapturing() {
        relayLogger.removeHandler(relayErrors);
    }

    @Test
    void aServiceIsRefusedUntilTheBrokerKnowsItsUserThenPublishesConsumesAndDeadLettersOverSaslSsl() {
        assertThat(System.getenv("KAFKA_SECURITY_PROTOCOL")).as("set by the pom's surefire configuration")
                .isEqualTo("SASL_SSL");
        SecureKafka kafka = TestInfrastructure.get().secureKafka();
        UUID first = append(Map.of("text", "sent while refused"));

        // refused: a clear error, a failed check, and the event waits without counting attempts
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Row row = row(first);
            assertThat(row.lastError()).startsWith("SaslAuthenticationException")
                    .contains("Authentication failed");
            assertThat(row.published()).isFalse();
            assertThat(row.parked()).isFalse();
            assertThat(row.attempts()).isZero();
            assertThat(relayErrors.messages()).anySatisfy(m -> assertThat(m)
                    .startsWith("Kafka refused the outbox relay").contains("SaslAuthenticationException"));
            Map<String, Object> check = check(KAFKA_CHECK);
            assertThat(check.get("status")).isEqualTo("DOWN");
            assertThat(String.valueOf(check.get("data"))).contains("SaslAuthenticationException");
        });
        assertThat(consumer.received()).isEmpty();
        assertThat(kafka.reader().readToEnd(SecureKafkaResource.TOPIC)).isEmpty();

        // let in: nothing was lost
        kafka.createUser(user, password);
        await().atMost(Duration.ofSeconds(20)).until(() -> row(first).published());
        assertThat(eventIds(kafka.reader().readToEnd(SecureKafkaResource.TOPIC))).containsExactly(first);
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.received().contains(first));
        // the check answers its background probe's last result: UP once a probe has run since the user exists
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(check(KAFKA_CHECK).get("status")).isEqualTo("UP"));

        UUID poison = append(Map.of("text", SecuredEventsConsumer.POISON));
        List<ConsumerRecord<String, String>> deadLetters = kafka.reader().await(SecureKafkaResource.DEAD_LETTERS,
                r -> true, records -> !records.isEmpty(), Duration.ofSeconds(20));
        assertThat(deadLetters).singleElement().satisfies(r -> {
            assertThat(TopicReader.header(r, CloudEventHeaders.ID)).isEqualTo(poison.toString());
            assertThat(r.value()).contains(SecuredEventsConsumer.POISON);
            assertThat(TopicReader.header(r, "dead-letter-topic")).isEqualTo(SecureKafkaResource.TOPIC);
            assertThat(TopicReader.header(r, "dead-letter-reason")).contains("asks to be dead-lettered");
        });
        assertThat(consumer.received()).containsExactly(first);
    }

    private UUID append(Map<String, Object> data) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.append(OutboxEvent.of(SecureKafkaResource.TOPIC,
                "key", "ntm.test.secured", data)));
    }

    private record Row(boolean published, boolean parked, int attempts, String lastError) {
    }

    private Row row(UUID eventId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("select published_at is"
                + " not null, parked_at is not null, attempts, last_error from outbox_event where event_id = ?")) {
            st.setObject(1, eventId);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).as("outbox row of %s", eventId).isTrue();
                return new Row(rs.getBoolean(1), rs.getBoolean(2), rs.getInt(3), rs.getString(4));
            }
        }
    }

    private static List<UUID> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> UUID.fromString(TopicReader.header(r, CloudEventHeaders.ID))).toList();
    }

    /** The named check, wherever it is reported: the standard health endpoints or a health group. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> check(String name) {
        List<Map<String, Object>> checks = new ArrayList<>();
        for (String path : List.of("/q/health", "/q/health/group")) {
            checks.addAll(RestAssured.get(path).then().extract().jsonPath().getList("checks", Map.class)
                    .stream().map(m -> (Map<String, Object>) m).toList());
        }
        return checks.stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no health check named " + name + " in " + checks));
    }

    /** The ERROR records of a logger, as formatted text. */
    private static final class ErrorLog extends Handler {
        private final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                messages.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }
        }

        List<String> messages() {
            return List.copyOf(messages);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
