package vn.ntm.platform.outbox;

import vn.ntm.contracts.CloudEventHeaders;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One event to publish: the Kafka topic and key, the CloudEvents type, the data (serialized to JSON with the
 * application's {@code ObjectMapper}) and optional extra Kafka headers (e.g. trace context) sent besides the
 * CloudEvents ones.
 */
public record OutboxEvent(String topic, String key, String type, Object data, Map<String, String> headers) {

    public OutboxEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        headers.keySet().forEach(OutboxEvent::requireOwnHeader);
    }

    public static OutboxEvent of(String topic, String key, String type, Object data) {
        return new OutboxEvent(topic, key, type, data, Map.of());
    }

    /** The same event with these extra Kafka headers. */
    public OutboxEvent withHeaders(Map<String, String> extra) {
        return new OutboxEvent(topic, key, type, data, extra);
    }

    private static void requireOwnHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ce_") || lower.equals(CloudEventHeaders.CONTENT_TYPE)) {
            throw new IllegalArgumentException("header " + name + " is set by the outbox relay itself");
        }
    }
}
