package vn.ntm.inspection.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.inspection.service.CatalogService;

import java.nio.charset.StandardCharsets;

/**
 * Thin adapter over {@link CatalogService#applyEvent}: keeps the local copy of published criteria sets. A record
 * that throws is sent to {@code criteria-events-dlq} with the reason, and consumption goes on.
 */
@ApplicationScoped
public class CriteriaEventsConsumer {
    private final CatalogService catalog;

    public CriteriaEventsConsumer(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Incoming("criteria-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        catalog.applyEvent(header(record, CloudEventHeaders.ID), header(record, CloudEventHeaders.TYPE),
                record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
