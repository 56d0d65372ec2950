package vn.ntm.platform.tracing;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Spans are exported only when {@code ntm.otlp.endpoint} (env {@code NTM_OTLP_ENDPOINT}) is set. Quarkus creates
 * its OTLP exporter whenever no application {@link SpanExporter} bean can be looked up, and falls back to
 * {@code http://localhost:4317} when no endpoint is configured (quarkusio/quarkus#44200: an empty endpoint cannot
 * switch it off at run time). So without an endpoint this exporter, which drops every span, stands in for it;
 * with one it is not looked up and Quarkus exports to {@code quarkus.otel.exporter.otlp.traces.endpoint}.
 * Spans are still created and sampled either way: trace context reaches the outbox, Kafka and the logs.
 */
@ApplicationScoped
public class TraceExport {

    @Produces
    @Singleton
    @LookupIfProperty(name = "ntm.otlp.endpoint", stringValue = "", lookupIfMissing = true)
    SpanExporter noExportWithoutEndpoint() {
        return SpanExporter.composite();
    }
}
