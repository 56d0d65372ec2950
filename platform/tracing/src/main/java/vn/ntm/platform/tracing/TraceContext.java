package vn.ntm.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * W3C trace context ({@code traceparent}, {@code tracestate}) carried where OpenTelemetry's instrumentation does not
 * reach by itself: in an outbox row, read by the relay on its own thread, and in the Kafka records it sends.
 */
public final class TraceContext {
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Headers> KAFKA = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            if (headers == null) {
                return null;
            }
            Header header = headers.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private TraceContext() {
    }

    /** The headers of the current span's context ({@code traceparent}, and {@code tracestate} if any); empty outside a span. */
    public static Map<String, String> currentHeaders() {
        if (!Span.current().getSpanContext().isValid()) {
            return Map.of();
        }
        Map<String, String> headers = new HashMap<>();
        W3C.inject(Context.current(), headers, (carrier, key, value) -> carrier.put(key, value));
        return headers;
    }

    /** The trace id of the current span (32 hex digits); empty outside a span. */
    public static Optional<String> currentTraceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? Optional.of(span.getTraceId()) : Optional.empty();
    }

    /** The remote context a record's {@code traceparent} header names, as the parent of a new span; root if none. */
    public static Context fromKafka(Headers headers) {
        return W3C.extract(Context.root(), headers, KAFKA);
    }

    /** The trace id in a {@code traceparent} value; empty when it is not a valid W3C traceparent. */
    public static Optional<String> traceId(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        SpanContext span = Span.fromContext(W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent),
                new TextMapGetter<Map<String, String>>() {
                    @Override
                    public Iterable<String> keys(Map<String, String> carrier) {
                        return List.copyOf(carrier.keySet());
                    }

                    @Override
                    public String get(Map<String, String> carrier, String key) {
                        return carrier == null ? null : carrier.get(key);
                    }
                })).getSpanContext();
        return span.isValid() ? Optional.of(span.getTraceId()) : Optional.empty();
    }
}
