package vn.ntm.platform.outbox;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendFailuresTest {

    @Test
    void recordsTheBrokerCanNeverAcceptArePermanentFailures() {
        assertThat(SendFailures.isPermanent(new RecordTooLargeException("too large"))).isTrue();
        assertThat(SendFailures.isPermanent(new InvalidTopicException("bad name"))).isTrue();
        assertThat(SendFailures.isPermanent(new SerializationException("bad bytes"))).isTrue();
        assertThat(SendFailures.isPermanent(new KafkaException("wrapped", new RecordTooLargeException("x")))).isTrue();
        assertThat(SendFailures.isPermanent(new SendFailures.UnreadableRow("headers", null))).isTrue();
    }

    @Test
    void outagesAndLeaderChangesAreTransient() {
        assertThat(SendFailures.isPermanent(new TimeoutException("Expiring 3 record(s)"))).isFalse();
        assertThat(SendFailures.isPermanent(new NotLeaderOrFollowerException("moved"))).isFalse();
        assertThat(SendFailures.isPermanent(new java.util.concurrent.TimeoutException())).isFalse();
    }

    @Test
    void aRefusedOrUnbuildableClientIsNeitherTheRowsFaultNorPermanent() {
        assertThat(SendFailures.isClientRefused(new SaslAuthenticationException("invalid credentials"))).isTrue();
        assertThat(SendFailures.isClientRefused(new SslAuthenticationException("handshake failed"))).isTrue();
        assertThat(SendFailures.isClientRefused(new ClusterAuthorizationException("no IDEMPOTENT_WRITE"))).isTrue();
        assertThat(SendFailures.isClientRefused(new KafkaException("Failed to construct kafka producer",
                new KafkaException("Failed to load SSL keystore")))).isTrue();
        assertThat(SendFailures.isPermanent(new SaslAuthenticationException("invalid credentials"))).isFalse();
        // one topic's missing permission parks that topic's rows after their attempts, the others go on
        assertThat(SendFailures.isClientRefused(new TopicAuthorizationException("t"))).isFalse();
        assertThat(SendFailures.isTopicRefused(new TopicAuthorizationException("t"))).isTrue();
        assertThat(SendFailures.isClientRefused(new TimeoutException("Expiring 3 record(s)"))).isFalse();
    }

    @Test
    void describesAClientThatCouldNotBeBuiltWithTheCauseThatSaysWhy() {
        assertThat(SendFailures.describe(new KafkaException("Failed to construct kafka producer",
                new KafkaException(new java.nio.file.NoSuchFileException("/etc/kafka/truststore.p12")))))
                .isEqualTo("KafkaException: Failed to construct kafka producer (caused by NoSuchFileException:"
                        + " /etc/kafka/truststore.p12)");
    }

    @Test
    void describesTheFailureWithItsTypeAndABoundedMessage() {
        assertThat(SendFailures.describe(new RecordTooLargeException("The message is 100 bytes")))
                .isEqualTo("RecordTooLargeException: The message is 100 bytes");
        assertThat(SendFailures.describe(new TimeoutException("x".repeat(5000)))).hasSizeLessThan(2100);
    }

    @Test
    void refusesExtraHeadersThatWouldOverrideTheCloudEventsOnes() {
        assertThatThrownBy(() -> OutboxEvent.of("t", "k", "type", Map.of()).withHeaders(Map.of("ce_id", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ce_id");
        assertThatThrownBy(() -> OutboxEvent.of("t", "k", "type", Map.of()).withHeaders(Map.of("Content-Type", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(OutboxEvent.of("t", "k", "type", Map.of()).withHeaders(Map.of("traceparent", "00-a-b-01"))
                .headers()).containsEntry("traceparent", "00-a-b-01");
    }
}
