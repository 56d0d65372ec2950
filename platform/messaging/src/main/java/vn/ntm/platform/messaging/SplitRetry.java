package vn.ntm.platform.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a batch of items as one unit of work (one transaction) and, when the batch fails in a way retrying cannot fix,
 * splits it in halves and runs each half again, down to single items: a poison item ends up failing alone while its
 * batch-mates succeed in the largest batches that can. Transient failures of a (sub-)batch are retried whole by the
 * {@link Retrier}; transient failures that outlast its attempts fail every item of that (sub-)batch. Once the
 * retrier is stopped (shutdown), the items not yet done are abandoned without a verdict.
 *
 * <p>The work must be atomic (all or nothing, as a rolled-back transaction is) and must answer one result per item,
 * in order.
 */
public final class SplitRetry {

    /** An item that failed alone (permanently, or transiently beyond the attempts allowed). */
    public record Failed<T>(T item, Retrier.GaveUp failure) {
    }

    /** An item and the result of its successful work. */
    public record Done<T, R>(T item, R result) {
    }

    /**
     * The verdicts: {@code done} and {@code failed} in item order; {@code abandoned} items were left without a verdict
     * (the retrier stopped), their work not committed.
     */
    public record Outcome<T, R>(List<Done<T, R>> done, List<Failed<T>> failed, List<T> abandoned, int attempts) {
        public boolean complete() {
            return abandoned.isEmpty();
        }
    }

    private SplitRetry() {
    }

    public static <T, R> Outcome<T, R> run(List<T> items, Function<List<T>, List<R>> work, Retrier retrier,
                                           Consumer<Retrier.Retry> beforeRetry) {
        List<Done<T, R>> done = new ArrayList<>(items.size());
        List<Failed<T>> failed = new ArrayList<>();
        List<T> abandoned = new ArrayList<>();
        int[] attempts = {0};
        runPart(items, work, retrier, beforeRetry, done, failed, abandoned, attempts);
        return new Outcome<>(done, failed, abandoned, attempts[0]);
    }

    private static <T, R> void runPart(List<T> items, Function<List<T>, List<R>> work, Retrier retrier,
                                       Consumer<Retrier.Retry> beforeRetry, List<Done<T, R>> done,
                                       List<Failed<T>> failed, List<T> abandoned, int[] attempts) {
        if (items.isEmpty()) {
            return;
        }
        if (!abandoned.isEmpty() || retrier.isStopped()) {
            abandoned.addAll(items);
            return;
        }
        Optional<List<R>> results;
        try {
            results = retrier.run(() -> {
                attempts[0]++;
                List<R> answered = work.apply(items);
                if (answered.size() != items.size()) {
                    throw new IllegalStateException("the work answered " + answered.size() + " results for "
                            + items.size() + " items");
                }
                return answered;
            }, beforeRetry);
        } catch (Retrier.GaveUp e) {
            if (items.size() == 1 || e.transientFailure()) {
                items.forEach(item -> failed.add(new Failed<>(item, e)));
                return;
            }
            int half = items.size() / 2;
            runPart(List.copyOf(items.subList(0, half)), work, retrier, beforeRetry, done, failed, abandoned,
                    attempts);
            runPart(List.copyOf(items.subList(half, items.size())), work, retrier, beforeRetry, done, failed,
                    abandoned, attempts);
            return;
        }
        if (results.isEmpty()) {
            abandoned.addAll(items);
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            done.add(new Done<>(items.get(i), results.get().get(i)));
        }
    }
}
