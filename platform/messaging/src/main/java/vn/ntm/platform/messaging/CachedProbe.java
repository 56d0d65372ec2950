package vn.ntm.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A health probe that never blocks whoever asks: the check (a database query, a broker round trip) runs on its own
 * daemon thread every {@code interval}, and {@link #status()} answers at once from the last result. A check still
 * running after {@code timeout} counts as failed, so a frozen broker or database turns the status DOWN within the
 * timeout instead of hanging the health endpoint.
 */
public final class CachedProbe implements AutoCloseable {
    private final String name;
    private final Callable<String> check;
    private final Duration interval;
    private final Duration timeout;
    private final Clock clock;
    private final AtomicReference<Status> last = new AtomicReference<>();
    private volatile Instant runningSince;
    private volatile boolean closed;
    private Thread thread;

    /** An answer: up or down, with a human-readable detail. */
    public record Status(boolean up, String detail) {
    }

    /**
     * @param check answers a detail when the dependency is fine, throws when it is not
     */
    public CachedProbe(String name, Callable<String> check, Duration interval, Duration timeout, Clock clock) {
        this.name = name;
        this.check = check;
        this.interval = interval;
        this.timeout = timeout;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    public synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::loop, "probe-" + name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void loop() {
        while (!closed) {
            runOnce();
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Runs the check once on the calling thread and records its result. */
    public void runOnce() {
        runningSince = clock.instant();
        Status status;
        try {
            status = new Status(true, check.call());
        } catch (java.util.concurrent.TimeoutException e) {
            status = new Status(false, "no answer within " + timeout.toMillis() + " ms");
        } catch (Exception e) {
            status = new Status(false, e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            runningSince = null;
        }
        last.set(status);
    }

    /** The latest answer, without waiting: DOWN when the check has not answered within the timeout. */
    public Status status() {
        Instant since = runningSince;
        if (since != null) {
            Duration running = Duration.between(since, clock.instant());
            if (running.compareTo(timeout) > 0) {
                return new Status(false, "no answer for " + running.toMillis() + " ms (timeout "
                        + timeout.toMillis() + " ms)");
            }
        }
        Status status = last.get();
        return status == null ? new Status(false, "not checked yet") : status;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
