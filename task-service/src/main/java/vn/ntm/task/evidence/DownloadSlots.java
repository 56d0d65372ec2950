package vn.ntm.task.evidence;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ntm.task.shared.RequestSlots;

/**
 * Bounds how many evidence downloads run at once ({@code ntm.tasks.evidence.max-concurrent-downloads}): a download
 * to a slow client holds a worker thread for the whole transfer (it holds no database connection between its
 * slices). A further download is refused at once (503 with {@code Retry-After}).
 */
@Singleton // no client proxy: RequestSlots has no constructor without arguments
public class DownloadSlots extends RequestSlots {
    public DownloadSlots(
            @ConfigProperty(name = "ntm.tasks.evidence.max-concurrent-downloads", defaultValue = "32") int max) {
        super(max);
    }
}
