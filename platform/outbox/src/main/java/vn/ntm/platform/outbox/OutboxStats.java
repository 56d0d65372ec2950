package vn.ntm.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Pending, parked and lag figures for the gauges and the health check, reused while younger than
 * {@code ntm.outbox.health.stats-max-age}. One query runs at a time on its own thread with a 1 s statement timeout; a caller waits at most the time it gives and otherwise gets the last
 * figures read, so a hanging database never hangs a health check or a metrics scrape.
 */
@Startup
@ApplicationScoped
public class OutboxStats {
    private final OutboxRows rows;
    private final Duration fresh;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-stats");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<OutboxRows.Stats> inFlight;
    private volatile OutboxRows.Stats last;

    public OutboxStats(OutboxRows rows, MeterRegistry registry, OutboxConfig config) {
        this.rows = rows;
        this.fresh = config.health().statsMaxAge();
        gauge(registry, "ntm.outbox.pending", "events committed but not yet on Kafka (parked ones excluded)",
                OutboxRows.Stats::pending);
        gauge(registry, "ntm.outbox.parked", "events the relay gave up on, waiting for an operator",
                OutboxRows.Stats::parked);
        gauge(registry, "ntm.outbox.lag.seconds", "age of the oldest event not yet on Kafka (parked ones excluded)",
                OutboxRows.Stats::lagSeconds);
    }

    private void gauge(MeterRegistry registry, String name, String description,
                       ToDoubleFunction<OutboxRows.Stats> value) {
        Gauge.builder(name, this, stats -> stats.current(Duration.ofMillis(800)).map(value::applyAsDouble)
                .orElse(Double.NaN)).description(description).register(registry);
    }

    /** The latest figures, read now if the last ones are older than {@code ntm.outbox.health.stats-max-age}; empty if
     * none could be read. */
    public Optional<OutboxRows.Stats> current(Duration maxWait) {
        OutboxRows.Stats known = last;
        if (known != null && known.at().isAfter(Instant.now().minus(fresh))) {
            return Optional.of(known);
        }
        CompletableFuture<OutboxRows.Stats> query;
        synchronized (this) {
            if (inFlight == null || inFlight.isDone()) {
                inFlight = CompletableFuture.supplyAsync(rows::stats, executor).whenComplete((stats, failure) -> {
                    if (stats != null) {
                        last = stats;
                    }
                });
            }
            query = inFlight;
        }
        try {
            return Optional.of(query.get(maxWait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.ofNullable(last);
        } catch (Exception slowOrFailed) {
            return Optional.ofNullable(last);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
