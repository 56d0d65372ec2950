package vn.ntm.task.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.InspectionFinalized;

import java.util.List;
import java.util.UUID;

/**
 * Idempotent handler of one {@code ntm.inspection.finalized} event: a batch of one ({@link InspectionEventBatch}).
 * The event id goes into {@code processed_event} in the same transaction as the tasks. A concurrent duplicate blocks
 * on that primary key until the first commits, then finds the id and does nothing; a re-published event with a new
 * id adds nothing thanks to the tasks' natural key.
 */
@ApplicationScoped
public class InspectionEventHandler {
    private final InspectionEventBatch batch;

    public InspectionEventHandler(InspectionEventBatch batch) {
        this.batch = batch;
    }

    public record Outcome(boolean duplicate, int created) {
    }

    @Transactional
    public Outcome handle(UUID eventId, InspectionFinalized event) {
        return batch.handleAll(List.of(new InspectionEventBatch.Item(eventId, event, null))).get(0);
    }
}
