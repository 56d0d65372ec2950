package vn.ntm.platform.outbox;

import vn.ntm.contracts.CloudEventHeaders;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One event to publish: the Kafka topic and key, the CloudEvents type, the data (serialized to JSON with the
 * application's {@code ObjectMapper}, or given as {@link Json} already serialized) and optional extra Kafka headers (e.g. trace context) sent besides the
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

    /**
     * Data already serialized to JSON by the application's {@code ObjectMapper}, stored as it is: for a service that
     * needs the JSON itself first (to check its size), so that the event is serialized once.
     */
    public record Json(String text) {
        public Json {
            Objects.requireNonNull(text, "text");
        }

        /** {@code text}'s length in UTF-8 bytes, as Kafka will carry it. */
        public int utf8Length() {
            int bytes = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    bytes += 1;
                } else if (c < 0x800) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes += 4;
                    i++;
                } else {
                    bytes += 3;
                }
            }
            return bytes;
        }
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
