package vn.ntm.inspection.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.inspection.service.CatalogService;
import vn.ntm.inspection.service.RegisterService;

import java.nio.charset.StandardCharsets;

/**
 * Thin adapter over {@link CatalogService#applyEvent} (published criteria sets) and
 * {@link RegisterService#applyEvent} (the administrative-unit register). A record that throws is sent to
 * {@code criteria-events-dlq} with the reason, and consumption goes on.
 */
@ApplicationScoped
public class CriteriaEventsConsumer {
    private final CatalogService catalog;
    private final RegisterService register;

    public CriteriaEventsConsumer(CatalogService catalog, RegisterService register) {
        this.catalog = catalog;
        this.register = register;
    }

    @Incoming("criteria-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (AdminUnitsChanged.TYPE.equals(type)) {
            register.applyEvent(id, record.value());
        } else {
            catalog.applyEvent(id, type, record.value());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
