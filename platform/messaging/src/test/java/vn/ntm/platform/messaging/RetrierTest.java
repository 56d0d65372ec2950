package vn.ntm.platform.messaging;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetrierTest {
    private static final RuntimeException TOO_MANY_CONNECTIONS =
            new IllegalStateException("db", new SQLException("sorry, too many clients already", "53300"));
    private static final RuntimeException DUPLICATE_KEY =
            new IllegalStateException("db", new SQLException("duplicate key", "23505"));

    @Test
    void retriesTransientFailuresUntilTheWorkSucceeds() {
        Retrier retrier = new Retrier(0, Duration.ofMillis(1), Duration.ofMillis(5));
        AtomicInteger calls = new AtomicInteger();
        List<Retrier.Retry> retries = new CopyOnWriteArrayList<>();

        Optional<String> result = retrier.run(() -> {
            if (calls.incrementAndGet() < 4) {
                throw TOO_MANY_CONNECTIONS;
            }
            return "done";
        }, retries::add);

        assertThat(result).contains("done");
        assertThat(calls).hasValue(4);
        assertThat(retries).extracting(Retrier.Retry::attempt).containsExactly(1, 2, 3);
    }

    @Test
    void givesUpAtOnceOnAFailureRetryingCannotFix() {
        Retrier retrier = new Retrier(0, Duration.ofMillis(1), Duration.ofMillis(5));
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.run(() -> {
            calls.incrementAndGet();
            throw DUPLICATE_KEY;
        }, r -> { }))
                .isInstanceOfSatisfying(Retrier.GaveUp.class, e -> {
                    assertThat(e.transientFailure()).isFalse();
                    assertThat(e.attempts()).isEqualTo(1);
                })
                .hasMessageContaining("duplicate key");
        assertThat(calls).hasValue(1);
    }

    @Test
    void givesUpOnTransientFailuresOnlyAfterTheAttemptsAllowed() {
        Retrier retrier = new Retrier(3, Duration.ofMillis(1), Duration.ofMillis(5));
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retrier.run(() -> {
            calls.incrementAndGet();
            throw TOO_MANY_CONNECTIONS;
        }, r -> { }))
                .isInstanceOfSatisfying(Retrier.GaveUp.class, e -> assertThat(e.transientFailure()).isTrue())
                .hasMessageContaining("after 3 attempts");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aStopDuringTheBackoffAbandonsTheWorkWithoutAVerdict() throws Exception {
        Retrier retrier = new Retrier(0, Duration.ofMinutes(10), Duration.ofMinutes(10));
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<Optional<String>> result = CompletableFuture.supplyAsync(() -> retrier.run(() -> {
            calls.incrementAndGet();
            throw TOO_MANY_CONNECTIONS;
        }, r -> waiting.countDown()));
        assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();

        retrier.stop();

        assertThat(result.get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(calls).hasValue(1);
        assertThat(retrier.run(() -> "not run", r -> { })).isEmpty();
    }

    @Test
    void anInterruptedBackoffAbandonsTheWorkAndKeepsTheInterrupt() throws Exception {
        Retrier retrier = new Retrier(0, Duration.ofMinutes(10), Duration.ofMinutes(10));
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Optional<String>> result = new CompletableFuture<>();
        CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            result.complete(retrier.run(() -> {
                throw TOO_MANY_CONNECTIONS;
            }, r -> waiting.countDown()));
            interruptKept.complete(Thread.currentThread().isInterrupted());
        });
        worker.start();
        assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();

        worker.interrupt();

        assertThat(result.get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(interruptKept.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFailureWhileStoppingIsNoVerdictEither() {
        Retrier retrier = new Retrier(0, Duration.ofMillis(1), Duration.ofMillis(5));
        Optional<String> result = retrier.run(() -> {
            retrier.stop();
            throw DUPLICATE_KEY;
        }, r -> { });
        assertThat(result).isEmpty();
    }

    @Test
    void theBackoffDoublesUpToItsCeiling() {
        Retrier retrier = new Retrier(0, Duration.ofMillis(400), Duration.ofSeconds(10));
        assertThat(retrier.backoff(1)).isEqualTo(Duration.ofMillis(400));
        assertThat(retrier.backoff(2)).isEqualTo(Duration.ofMillis(800));
        assertThat(retrier.backoff(6)).isEqualTo(Duration.ofSeconds(10));
        assertThat(retrier.backoff(60)).isEqualTo(Duration.ofSeconds(10));
    }
}
