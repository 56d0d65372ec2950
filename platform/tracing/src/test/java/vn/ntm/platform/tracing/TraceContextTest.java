package vn.ntm.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextTest {
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Test
    void a_records_traceparent_becomes_the_current_trace_and_is_written_back_as_headers() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(TraceContext.TRACEPARENT, TRACEPARENT.getBytes(StandardCharsets.UTF_8));
        try (Scope ignored = TraceContext.fromKafka(headers).makeCurrent()) {
            assertThat(TraceContext.currentTraceId()).contains(TRACE_ID);
            assertThat(TraceContext.currentHeaders()).containsEntry(TraceContext.TRACEPARENT, TRACEPARENT);
        }
    }

    @Test
    void outside_a_span_there_is_no_trace_and_no_header() {
        assertThat(Span.current().getSpanContext().isValid()).isFalse();
        assertThat(TraceContext.currentTraceId()).isEmpty();
        assertThat(TraceContext.currentHeaders()).isEmpty();
        assertThat(TraceContext.fromKafka(new RecordHeaders())).isNotNull();
    }

    @Test
    void the_trace_id_is_read_from_a_valid_traceparent_only() {
        assertThat(TraceContext.traceId(TRACEPARENT)).contains(TRACE_ID);
        assertThat(TraceContext.traceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceContext.traceId("garbage")).isEmpty();
        assertThat(TraceContext.traceId(null)).isEmpty();
    }
}
