package vn.ntm.task.worklist;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ntm.task.shared.RequestSlots;

/**
 * Bounds how many exports run at once ({@code ntm.tasks.export-concurrency}): each holds a database connection and a
 * cursor while it reads, so more at once would starve the pool that lists, changes and the consumer need. A further
 * export is refused at once (503 with {@code Retry-After}) instead of waiting on a worker thread. An export keeps its
 * slot until its database work has ended, also when its client left before ({@link RequestSlots}).
 */
@Singleton // no client proxy: RequestSlots has no constructor without arguments
public class ExportSlots extends RequestSlots {
    public ExportSlots(@ConfigProperty(name = "ntm.tasks.export-concurrency", defaultValue = "4") int concurrency) {
        super(concurrency);
    }
}
