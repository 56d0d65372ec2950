package vn.ntm.platform.messaging;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every consumer of a Kafka channel does the same way, around its own parsing and its transactional handler:
 * it marks each record received and finished ({@link Progress}: the readiness check and gauge of the oldest
 * unprocessed record), runs the work through a {@link Retrier} (transient failures retried with a back-off that
 * doubles from {@code firstBackoff} up to {@code maxBackoff}, by default {@value #FIRST_BACKOFF_MILLIS} ms and
 * {@value #MAX_BACKOFF_SECONDS} s; {@code maxAttempts} 0 = until they succeed; stopped on shutdown without a verdict), reads the CloudEvents headers ({@code ce_id} as the event id), and logs and
 * nacks what goes to the dead-letter topic.
 */
public final class ChannelConsumer {
    static final long FIRST_BACKOFF_MILLIS = 400;
    static final long MAX_BACKOFF_SECONDS = 10;
    private static final String CE_ID = "ce_id";
    private static final String CE_TIME = "ce_time";
    private static final Logger LOG = Logger.getLogger(ChannelConsumer.class);

    /** Where a consumer reports its records (platform-health's {@code ConsumerProgress}). */
    public interface Progress {
        void register(String channel);

        void received(String channel, int partition, long offset);

        void finished(String channel, int partition, long offset);
    }

    /** A record's place in its topic. */
    public record Position(int partition, long offset) {
    }

    private final String channel;
    private final Progress progress;
    private final Retrier retrier;

    /** Registers the channel with {@code progress} at once, so readiness knows it before its first record. */
    public ChannelConsumer(String channel, Progress progress, int maxAttempts) {
        this(channel, progress, maxAttempts, Duration.ofMillis(FIRST_BACKOFF_MILLIS),
                Duration.ofSeconds(MAX_BACKOFF_SECONDS));
    }

    /** As {@link #ChannelConsumer(String, Progress, int)} with the retry back-off's first and largest pause. */
    public ChannelConsumer(String channel, Progress progress, int maxAttempts, Duration firstBackoff,
                           Duration maxBackoff) {
        this.channel = channel;
        this.progress = progress;
        this.retrier = new Retrier(maxAttempts, firstBackoff, maxBackoff);
        progress.register(channel);
    }

    public String channel() {
        return channel;
    }

    /** The retrier, for work that runs its own retries ({@link SplitRetry}). */
    public Retrier retrier() {
        return retrier;
    }

    /** The application is stopping: retries end at once, and the record in hand is left without a verdict. */
    public void stop() {
        retrier.stop();
    }

    /** Runs {@code work} between the record's received and finished marks, whatever its outcome. */
    public <T> T track(int partition, long offset, Supplier<T> work) {
        return track(List.of(new Position(partition, offset)), work);
    }

    /** Runs {@code work} between the records' received and finished marks, whatever its outcome. */
    public <T> T track(List<Position> records, Supplier<T> work) {
        for (Position p : records) {
            progress.received(channel, p.partition(), p.offset());
        }
        try {
            return work.get();
        } finally {
            for (Position p : records) {
                progress.finished(channel, p.partition(), p.offset());
            }
        }
    }

    /**
     * The work's result, transient failures retried (each retry logged with {@code what}); empty when the application
     * is stopping, and the record must then be left unacknowledged, to be redelivered after the restart.
     *
     * @throws Retrier.GaveUp when retrying cannot help: the record goes to the dead-letter topic
     */
    public <T> Optional<T> retry(String what, Supplier<T> work) {
        return retrier.run(work, retry -> LOG.warnf("%s failed (attempt %d), retrying in %d ms: %s", what,
                retry.attempt(), retry.backoff().toMillis(), Retrier.rootMessage(retry.failure())));
    }

    /** Logs the dead letter and hands it to the channel's failure strategy ({@code nack}, with the reason). */
    public CompletionStage<Void> deadLetter(int partition, long offset, Throwable reason,
                                            Function<Throwable, CompletionStage<Void>> nack) {
        LOG.warnf("dead-lettering %s record at partition %d offset %d: %s", channel, partition, offset,
                reason.getMessage());
        return nack.apply(reason);
    }

    /** Logs that the record is left unacknowledged because the application is stopping. */
    public void leftForRedelivery(String what) {
        LOG.infof("stopping: %s is left unacknowledged, to be redelivered", what);
    }

    /** The last value of a header as UTF-8 text, or null. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * The event id ({@code ce_id}), the consumer's idempotency key.
     *
     * @throws PoisonMessage when it is missing or not a UUID
     */
    public static UUID eventId(Headers headers) {
        String id = header(headers, CE_ID);
        if (id == null || id.isBlank()) {
            throw new PoisonMessage("missing ce_id header");
        }
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw new PoisonMessage("ce_id '" + id + "' is not a UUID");
        }
    }

    /** When the event happened ({@code ce_time}), or null when it is missing or unreadable. */
    public static Instant time(Headers headers) {
        String time = header(headers, CE_TIME);
        try {
            return time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
