package vn.ntm.task.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.platform.tracing.KafkaTracing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Many {@code ntm.inspection.finalized} events in one transaction: each event goes through
 * {@link InspectionEventHandler#handle} unchanged (its processed-event row and the tasks' natural key keep its effect
 * exactly once, also for a duplicate inside the same batch), and the batch commits once. A failure of any event
 * rolls the whole batch back; the consumer then splits it ({@code SplitRetry}) so that only the failing event is
 * dead-lettered.
 */
@ApplicationScoped
public class InspectionEventBatch {
    private final InspectionEventHandler handler;

    public InspectionEventBatch(InspectionEventHandler handler) {
        this.handler = handler;
    }

    /** An event to handle: its {@code ce_id}, its body, and the trace its work continues (opened around it). */
    public record Item(UUID eventId, InspectionFinalized event, Supplier<KafkaTracing.Processing> trace) {
    }

    /** One outcome per item, in order; all committed together, or nothing (the exception propagates). */
    @Transactional
    public List<InspectionEventHandler.Outcome> handleAll(List<Item> items) {
        List<InspectionEventHandler.Outcome> outcomes = new ArrayList<>(items.size());
        for (Item item : items) {
            try (KafkaTracing.Processing ignored = item.trace().get()) {
                outcomes.add(handler.handle(item.eventId(), item.event()));
            }
        }
        return outcomes;
    }
}
