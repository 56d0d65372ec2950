package vn.ntm.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The records one consumer channel has received and not yet finished (processed, dead-lettered or left for
 * redelivery), with the time each arrived: the age of the oldest tells a stuck consumer from an idle one.
 * Thread-safe; a record is identified by its partition and offset.
 */
public final class UnprocessedRecords {
    private final Clock clock;
    private final Map<Position, Instant> started = new ConcurrentHashMap<>();

    public UnprocessedRecords(Clock clock) {
        this.clock = clock;
    }

    public record Position(int partition, long offset) {
    }

    public void received(int partition, long offset) {
        started.putIfAbsent(new Position(partition, offset), clock.instant());
    }

    public void finished(int partition, long offset) {
        started.remove(new Position(partition, offset));
    }

    /** How long the oldest unfinished record has been waiting; zero when there is none. */
    public Duration oldestAge() {
        Instant now = clock.instant();
        Instant oldest = started.values().stream().min(Instant::compareTo).orElse(now);
        Duration age = Duration.between(oldest, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    public int size() {
        return started.size();
    }
}
