package vn.ntm.platform.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a consumer's work until it succeeds: transient failures ({@link TransientFailures}) are retried with
 * exponential back-off, anything else gives up at once with {@link GaveUp}, so the caller dead-letters only what can
 * never succeed. Once {@link #stop()} is called (the application is shutting down) or the thread is interrupted, the
 * work is abandoned without a verdict: {@link #run} answers empty and the caller leaves the record unacknowledged,
 * to be redelivered after the restart.
 */
public final class Retrier {
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param maxAttempts 0 retries transient failures for ever; a positive number gives up after that many attempts
     */
    public Retrier(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** What a retry is about to wait for, for the caller's log. */
    public record Retry(int attempt, Duration backoff, Throwable failure) {
    }

    /** The work failed in a way retrying cannot fix, or transient failures outlasted the attempts allowed. */
    public static final class GaveUp extends RuntimeException {
        private final int attempts;
        private final boolean transientFailure;

        GaveUp(RuntimeException cause, int attempts, boolean transientFailure) {
            super((transientFailure ? "still failing after " + attempts + " attempts: " : "processing failed: ")
                    + rootMessage(cause), cause);
            this.attempts = attempts;
            this.transientFailure = transientFailure;
        }

        public int attempts() {
            return attempts;
        }

        public boolean transientFailure() {
            return transientFailure;
        }
    }

    /**
     * The work's result; empty when the retrier was stopped or the thread interrupted before the work succeeded.
     *
     * @throws GaveUp when the failure is permanent or the attempts are exhausted
     */
    public <T> Optional<T> run(Supplier<T> work, java.util.function.Consumer<Retry> beforeRetry) {
        for (int attempt = 1; ; attempt++) {
            if (isStopped()) {
                return Optional.empty();
            }
            try {
                return Optional.of(work.get());
            } catch (RuntimeException e) {
                if (isStopped()) {
                    // a failure while shutting down says nothing about the record
                    return Optional.empty();
                }
                boolean transientFailure = TransientFailures.isTransient(e);
                if (!transientFailure) {
                    throw new GaveUp(e, attempt, false);
                }
                if (maxAttempts > 0 && attempt >= maxAttempts) {
                    throw new GaveUp(e, attempt, true);
                }
                Duration backoff = backoff(attempt);
                beforeRetry.accept(new Retry(attempt, backoff, e));
                if (!pause(backoff)) {
                    return Optional.empty();
                }
            }
        }
    }

    Duration backoff(int attempt) {
        long millis = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /** Ends every back-off at once; later and current {@link #run} calls answer empty instead of retrying. */
    public void stop() {
        stopped.countDown();
    }

    /** True once stopped, or when the current thread has been interrupted (what an executor's shutdown does). */
    public boolean isStopped() {
        return stopped.getCount() == 0 || Thread.currentThread().isInterrupted();
    }

    /** False when the pause was cut short by {@link #stop()} or an interrupt (the interrupt flag is kept). */
    private boolean pause(Duration backoff) {
        try {
            return !stopped.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The innermost cause's class and message, for logs. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
