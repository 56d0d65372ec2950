package vn.ntm.platform.outbox;

import vn.ntm.contracts.CloudEventHeaders;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One event to publish: the Kafka topic and key, the CloudEvents type, the data (serialized to JSON with the
 * application's {@code ObjectMapper}) and optional extra Kafka headers (e.g. trace context) sent besides the
 * CloudEvents ones. Of the CloudEvents attributes only {@code ce_dataschema} (the schema of the data's version) may be
 * given here; the relay sets the others.
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

    /** The same event announcing the schema its data follows ({@code ce_dataschema}). */
    public OutboxEvent withDataSchema(String uri) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put(CloudEventHeaders.DATA_SCHEMA, uri);
        return new OutboxEvent(topic, key, type, data, all);
    }

    /** The same event with these extra Kafka headers. */
    public OutboxEvent withHeaders(Map<String, String> extra) {
        return new OutboxEvent(topic, key, type, data, extra);
    }

    private static void requireOwnHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if ((lower.startsWith("ce_") && !lower.equals(CloudEventHeaders.DATA_SCHEMA))
                || lower.equals(CloudEventHeaders.CONTENT_TYPE)) {
            throw new IllegalArgumentException("header " + name + " is set by the outbox relay itself");
        }
    }
}
