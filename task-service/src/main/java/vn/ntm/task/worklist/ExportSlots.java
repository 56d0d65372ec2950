package vn.ntm.task.worklist;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds how many CSV exports run at once ({@code ntm.tasks.export-concurrency}): each holds a database connection
 * and a cursor while it streams, so more at once would starve the pool that lists, changes and the consumer need.
 * Further exports wait their turn up to {@code ntm.tasks.export-wait}.
 */
@ApplicationScoped
public class ExportSlots {
    private final Semaphore slots;
    private final Duration wait;

    public ExportSlots(@ConfigProperty(name = "ntm.tasks.export-concurrency", defaultValue = "4") int concurrency,
                       @ConfigProperty(name = "ntm.tasks.export-wait", defaultValue = "60s") Duration wait) {
        this.slots = new Semaphore(Math.max(1, concurrency), true);
        this.wait = wait;
    }

    /** A taken slot; releasing it twice releases it once. */
    public final class Slot implements AutoCloseable {
        private final AtomicBoolean held = new AtomicBoolean(true);

        @Override
        public void close() {
            if (held.compareAndSet(true, false)) {
                slots.release();
            }
        }
    }

    /** A slot, or null when none came free within the configured wait. */
    public Slot take() {
        try {
            return slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS) ? new Slot() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public Duration waitLimit() {
        return wait;
    }
}
