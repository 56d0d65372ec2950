package vn.ntm.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;

/**
 * Continues the trace of a consumed record: a consumer span whose parent is the record's {@code traceparent}
 * header, current on the calling thread until closed. Whatever the handler writes to the outbox on that thread
 * carries the same trace, and so do its log lines ({@code %X{traceId}}).
 */
@ApplicationScoped
public class KafkaTracing {
    private final Tracer tracer;

    public KafkaTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Starts the span of processing one record from {@code topic}; close it (try-with-resources) when done. */
    public Processing process(String topic, Headers headers) {
        Span span = tracer.spanBuilder(topic + " process").setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceContext.fromKafka(headers))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .startSpan();
        return new Processing(span, span.makeCurrent());
    }

    /** The span of one record's processing, current until closed. */
    public static final class Processing implements AutoCloseable {
        private final Span span;
        private final Scope scope;

        Processing(Span span, Scope scope) {
            this.span = span;
            this.scope = scope;
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }
}
