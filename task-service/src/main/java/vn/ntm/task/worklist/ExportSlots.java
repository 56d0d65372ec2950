package vn.ntm.task.worklist;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ntm.task.shared.RequestSlots;

/**
 * Bounds how many exports run at once ({@code ntm.tasks.export-concurrency}): each holds a database connection and a
 * cursor while it reads, so more at once would starve the pool that lists, changes and the consumer need. A further
 * export is refused at once (503 with {@code Retry-After}) instead of waiting on a worker thread. An export keeps its
 * slot until its database work has ended, also when its client left before ({@link RequestSlots}).
 */
@ApplicationScoped
public class ExportSlots {
    private final RequestSlots slots;

    public ExportSlots(@ConfigProperty(name = "ntm.tasks.export-concurrency", defaultValue = "4") int concurrency) {
        this.slots = new RequestSlots(concurrency);
    }

    /** A slot for this request, or null when every slot is taken. */
    public RequestSlots.Lease tryTake(RoutingContext routing) {
        return slots.tryTake(routing);
    }

    /** Exports holding a slot now. */
    public int inUse() {
        return slots.inUse();
    }

    public int size() {
        return slots.size();
    }
}
