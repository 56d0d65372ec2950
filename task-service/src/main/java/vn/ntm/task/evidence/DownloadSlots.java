package vn.ntm.task.evidence;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ntm.task.shared.RequestSlots;

/**
 * Bounds how many evidence downloads run at once ({@code ntm.tasks.evidence.max-concurrent-downloads}): a download
 * to a slow client holds a worker thread for the whole transfer (it holds no database connection between its
 * slices). A further download is refused at once (503 with {@code Retry-After}).
 */
@ApplicationScoped
public class DownloadSlots {
    private final RequestSlots slots;

    public DownloadSlots(@ConfigProperty(name = "ntm.tasks.evidence.max-concurrent-downloads", defaultValue = "32")
                         int max) {
        this.slots = new RequestSlots(max);
    }

    /** A slot for this request, or null when every slot is taken. */
    public RequestSlots.Lease tryTake(RoutingContext routing) {
        return slots.tryTake(routing);
    }

    /** Downloads holding a slot now. */
    public int inUse() {
        return slots.inUse();
    }

    public int size() {
        return slots.size();
    }
}
