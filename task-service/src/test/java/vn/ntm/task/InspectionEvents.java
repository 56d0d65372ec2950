package vn.ntm.task;

import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.task.intake.InspectionEventBatch;

import java.util.List;
import java.util.UUID;

/** Hands one inspection event to task-service's handler as its consumer does: a batch of one, one transaction. */
public final class InspectionEvents {
    private InspectionEvents() {
    }

    public static InspectionEventBatch.Outcome handle(InspectionEventBatch batch, UUID eventId,
                                                      InspectionFinalized event) {
        return batch.handleAll(List.of(new InspectionEventBatch.Item(eventId, event, null))).get(0);
    }
}
