package vn.ntm.platform.messaging;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class SplitRetryTest {
    private final Retrier retrier = new Retrier(0, Duration.ofMillis(1), Duration.ofMillis(5));

    /** An all-or-nothing batch: fails whole when it holds a poison item, else commits every item once. */
    private static final class Store implements Function<List<Integer>, List<String>> {
        final Set<Integer> poison;
        final List<Integer> committed = new ArrayList<>();
        final List<List<Integer>> calls = new ArrayList<>();

        Store(Set<Integer> poison) {
            this.poison = poison;
        }

        @Override
        public List<String> apply(List<Integer> items) {
            calls.add(items);
            for (Integer item : items) {
                if (poison.contains(item)) {
                    throw new IllegalStateException("tx failed",
                            new SQLException("check violation of " + item, "23514"));
                }
            }
            committed.addAll(items);
            return items.stream().map(i -> "r" + i).toList();
        }
    }

    @Test
    void aPoisonItemInTheMiddleFailsAloneAndEveryBatchMateIsCommittedOnce() {
        Store store = new Store(Set.of(5));
        List<Integer> items = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9);

        SplitRetry.Outcome<Integer, String> outcome = SplitRetry.run(items, store, retrier, retry -> { });

        assertThat(outcome.failed()).extracting(SplitRetry.Failed::item).containsExactly(5);
        assertThat(outcome.failed().get(0).failure().transientFailure()).isFalse();
        assertThat(outcome.done()).extracting(SplitRetry.Done::item).containsExactly(1, 2, 3, 4, 6, 7, 8, 9);
        assertThat(outcome.done()).extracting(SplitRetry.Done::result).contains("r1", "r9");
        assertThat(store.committed).containsExactlyInAnyOrder(1, 2, 3, 4, 6, 7, 8, 9);
        assertThat(outcome.complete()).isTrue();
    }

    @Test
    void aHealthyBatchRunsOnceAsAWhole() {
        Store store = new Store(Set.of());
        SplitRetry.Outcome<Integer, String> outcome = SplitRetry.run(List.of(1, 2, 3), store, retrier, r -> { });

        assertThat(store.calls).containsExactly(List.of(1, 2, 3));
        assertThat(outcome.done()).hasSize(3);
        assertThat(outcome.failed()).isEmpty();
    }

    @Test
    void twoPoisonItemsFailEachAlone() {
        Store store = new Store(Set.of(1, 8));
        SplitRetry.Outcome<Integer, String> outcome = SplitRetry.run(List.of(1, 2, 3, 4, 5, 6, 7, 8), store,
                retrier, r -> { });

        assertThat(outcome.failed()).extracting(SplitRetry.Failed::item).containsExactly(1, 8);
        assertThat(store.committed).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7);
    }

    @Test
    void aTransientFailureRetriesTheWholeBatchWithoutSplittingIt() {
        AtomicInteger calls = new AtomicInteger();
        SplitRetry.Outcome<Integer, String> outcome = SplitRetry.run(List.of(1, 2, 3, 4), items -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException(new SQLTransientConnectionException("pool exhausted"));
            }
            return items.stream().map(String::valueOf).toList();
        }, retrier, r -> { });

        assertThat(calls).hasValue(3);
        assertThat(outcome.done()).hasSize(4);
        assertThat(outcome.failed()).isEmpty();
    }

    @Test
    void transientFailuresBeyondTheAttemptsFailTheBatchWithoutSplittingIt() {
        AtomicInteger calls = new AtomicInteger();
        Retrier limited = new Retrier(2, Duration.ofMillis(1), Duration.ofMillis(2));
        SplitRetry.Outcome<Integer, String> outcome = SplitRetry.run(List.of(1, 2, 3, 4), items -> {
            calls.incrementAndGet();
            throw new IllegalStateException(new SQLException("too many connections", "53300"));
        }, limited, r -> { });

        assertThat(calls).hasValue(2);
        assertThat(outcome.failed()).extracting(SplitRetry.Failed::item).containsExactly(1, 2, 3, 4);
        assertThat(outcome.failed().get(0).failure().transientFailure()).isTrue();
    }

    @Test
    void aStoppedRetrierAbandonsTheItemsWithoutAVerdict() {
        Store store = new Store(Set.of());
        retrier.stop();
        SplitRetry.Outcome<Integer, String> outcome = SplitRetry.run(List.of(1, 2), store, retrier, r -> { });

        assertThat(outcome.abandoned()).containsExactly(1, 2);
        assertThat(outcome.complete()).isFalse();
        assertThat(store.calls).isEmpty();
    }
}
