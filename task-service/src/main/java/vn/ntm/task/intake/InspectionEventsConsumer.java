package vn.ntm.task.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.InspectionCorrected;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.platform.health.ConsumerProgress;
import vn.ntm.platform.messaging.ChannelConsumer;
import vn.ntm.platform.messaging.PoisonMessage;
import vn.ntm.platform.messaging.Retrier;
import vn.ntm.platform.messaging.SplitRetry;
import vn.ntm.platform.tracing.KafkaTracing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Thin adapter from {@code inspection-events} to {@link InspectionEventBatch}, in batches: the records of one poll
 * ({@code max.poll.records}, {@code fetch.max.bytes}, {@code max.partition.fetch.bytes}) are handled in one
 * transaction and acknowledged together; progress, retries and headers are platform-messaging's
 * {@link ChannelConsumer}. A poison record (no usable {@code ce_id}, unknown type or schema version, malformed
 * JSON) or a failure retrying cannot fix (a constraint or data error) is nacked: the dead-letter-queue failure
 * strategy sends it to {@code inspection-events-dlq} with the reason in {@code dead-letter-reason}. Transient failures (database down,
 * out of connections, serialization conflicts, lock and pool timeouts) are retried with back-off until they succeed,
 * so a database outage pauses the partition instead of losing its events; a positive
 * {@code ntm.inspection-events.max-attempts} dead-letters them after that many attempts instead. When the
 * application stops (or the worker is interrupted) in the middle of the retries the batch is neither acked nor
 * nacked: its offsets are not committed and it is redelivered after the restart.
 */
@io.quarkus.runtime.Startup
@ApplicationScoped
public class InspectionEventsConsumer {
    static final String CHANNEL = "inspection-events";

    private final InspectionEventBatch batches;
    private final ObjectMapper json;
    private final ChannelConsumer channel;
    private final Duration pauseAfterCommit;
    private final Timer lag;
    private final Counter processed;
    private final Counter duplicates;
    private final Counter poison;
    private final KafkaTracing tracing;

    public InspectionEventsConsumer(InspectionEventBatch batches, ObjectMapper json, MeterRegistry registry,
                                    ConsumerProgress progress, KafkaTracing tracing,
                                    @ConfigProperty(name = "ntm.inspection-events.max-attempts", defaultValue = "0")
                                    int maxAttempts,
                                    @ConfigProperty(name = "ntm.messaging.retry-first-backoff", defaultValue = "400ms")
                                    Duration firstBackoff,
                                    @ConfigProperty(name = "ntm.messaging.retry-max-backoff", defaultValue = "10s")
                                    Duration maxBackoff,
                                    @ConfigProperty(name = "ntm.inspection-events.test.pause-after-commit",
                                            defaultValue = "0s") Duration pauseAfterCommit) {
        this.batches = batches;
        this.json = json;
        this.tracing = tracing;
        this.channel = new ChannelConsumer(CHANNEL, progress, maxAttempts, firstBackoff, maxBackoff);
        this.pauseAfterCommit = pauseAfterCommit;
        this.lag = Timer.builder("ntm.inspection-events.lag")
                .description("time from the event's ce_time to the end of its processing").register(registry);
        this.processed = registry.counter("ntm.inspection-events.processed");
        this.duplicates = registry.counter("ntm.inspection-events.duplicates");
        this.poison = registry.counter("ntm.inspection-events.dead-lettered");
    }

    void stopping(@Observes ShutdownEvent event) {
        channel.stop();
    }

    /**
     * A batch of records (bounded by {@code max.poll.records} and the fetch byte limits) is handled in one
     * transaction. Records that cannot be parsed are dead-lettered alone; the rest run through {@link SplitRetry}:
     * a batch failing permanently is split in halves until the failing event stands alone and is dead-lettered,
     * its batch-mates committing in the largest batches that succeed. Batches are unordered: two batches touching
     * the same commune lineage plan its work one after the other (the lineage lock, {@link SettlementService}), and a
     * duplicate racing its original (also in another batch) is settled by the processed-event key.
     */
    @Incoming(CHANNEL)
    @Blocking(ordered = false)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<IncomingKafkaRecord<String, String>> records = new ArrayList<>(batch.getRecords().size());
        List<ChannelConsumer.Position> positions = new ArrayList<>(batch.getRecords().size());
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            IncomingKafkaRecord<String, String> incoming = (IncomingKafkaRecord<String, String>) record;
            records.add(incoming);
            positions.add(new ChannelConsumer.Position(incoming.getPartition(), incoming.getOffset()));
        }
        return channel.track(positions, () -> consumeAll(batch, records));
    }

    private CompletionStage<Void> consumeAll(KafkaRecordBatch<String, String> batch,
                                             List<IncomingKafkaRecord<String, String>> records) {
        List<Parsed> parsed = new ArrayList<>(records.size());
        List<Map.Entry<IncomingKafkaRecord<String, String>, PoisonMessage>> poisoned = new ArrayList<>();
        for (IncomingKafkaRecord<String, String> record : records) {
            try {
                // each event's tasks and the events announcing them belong to the trace of the request that
                // finalized its inspection, also inside a batch
                parsed.add(new Parsed(record, parse(ChannelConsumer.eventId(record.getHeaders()), record,
                        () -> tracing.process(record.getTopic(), record.getHeaders()))));
            } catch (PoisonMessage e) {
                poisoned.add(Map.entry(record, e));
            }
        }
        SplitRetry.Outcome<Parsed, InspectionEventBatch.Outcome> outcome = SplitRetry.run(parsed,
                part -> batches.handleAll(part.stream().map(Parsed::item).toList()),
                channel.retrier(), retry -> Log.warnf("batch of %d event(s) failed (attempt %d), retrying in %d ms: %s",
                        parsed.size(), retry.attempt(), retry.backoff().toMillis(), Retrier.rootMessage(retry.failure())));
        if (!outcome.complete()) {
            // nothing of this batch is acknowledged or dead-lettered: its offsets stay uncommitted and the whole
            // batch is redelivered after the restart (what was committed meanwhile is skipped as a duplicate)
            Log.infof("stopping: %d of %d event(s) of a batch were not processed; the batch is left unacknowledged,"
                    + " to be redelivered", outcome.abandoned().size(), records.size());
            return CompletableFuture.completedFuture(null);
        }
        boolean anyNew = false;
        Instant now = Instant.now();
        for (SplitRetry.Done<Parsed, InspectionEventBatch.Outcome> done : outcome.done()) {
            (done.result().duplicate() ? duplicates : processed).increment();
            anyNew |= !done.result().duplicate();
            Instant sent = ChannelConsumer.time(done.item().record().getHeaders());
            if (sent != null) {
                lag.record(Duration.between(sent, now));
            }
        }
        if (outcome.done().size() > 1) {
            Log.debugf("batch of %d event(s) committed in %d transaction attempt(s)", outcome.done().size(),
                    outcome.attempts());
        }
        for (SplitRetry.Failed<Parsed> failed : outcome.failed()) {
            poisoned.add(Map.entry(failed.item().record(),
                    new PoisonMessage(failed.failure().getMessage(), failed.failure().getCause())));
        }
        if (anyNew) {
            pauseAfterCommit(outcome.done().stream().filter(d -> !d.result().duplicate()).toList());
        }
        // each dead letter is sent (and acknowledged) before the batch's offsets are acknowledged, so a crash in
        // between redelivers the poison record instead of losing it
        CompletableFuture<?>[] deadLetters = poisoned.stream()
                .map(entry -> deadLetter(entry.getKey(), entry.getValue()).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(deadLetters).thenCompose(ignored -> batch.ack());
    }

    /** A record that parsed, with its event. */
    private record Parsed(IncomingKafkaRecord<String, String> record, InspectionEventBatch.Item item) {
    }

    private CompletionStage<Void> deadLetter(IncomingKafkaRecord<String, String> record, PoisonMessage e) {
        poison.increment();
        return channel.deadLetter(record.getPartition(), record.getOffset(), e, record::nack);
    }

    /**
     * Test hook, off unless {@code ntm.inspection-events.test.pause-after-commit} is set: holds the batch between
     * its database commit and its acknowledgement (so before its offsets can be committed), so that a fault test can
     * kill the service exactly there and prove the redelivered events take no effect twice.
     */
    private void pauseAfterCommit(List<SplitRetry.Done<Parsed, InspectionEventBatch.Outcome>> done) {
        if (pauseAfterCommit.isZero() || pauseAfterCommit.isNegative()) {
            return;
        }
        for (SplitRetry.Done<Parsed, InspectionEventBatch.Outcome> event : done) {
            Log.warnf("test hook: event %s (inspection %s, partition %d offset %d) is committed to the database;"
                            + " pausing %d ms before acknowledging its offset", event.item().item().eventId(),
                    event.item().item().event().inspectionId(), event.item().record().getPartition(),
                    event.item().record().getOffset(), pauseAfterCommit.toMillis());
        }
        try {
            Thread.sleep(pauseAfterCommit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SplitRetry.Done<Parsed, InspectionEventBatch.Outcome> event : done) {
            Log.warnf("test hook: event %s acknowledged after the pause", event.item().item().eventId());
        }
    }

    /**
     * A finalized inspection ({@code ntm.inspection.finalized}, version 1 of its findings) or a correction
     * ({@code ntm.inspection.corrected}: the whole record as corrected, with its version, reason and author).
     */
    private InspectionEventBatch.Item parse(UUID eventId, IncomingKafkaRecord<String, String> record,
                                            java.util.function.Supplier<KafkaTracing.Processing> trace) {
        String type = ChannelConsumer.header(record.getHeaders(), CloudEventHeaders.TYPE);
        boolean corrected = EventTypes.INSPECTION_CORRECTED.equals(type);
        if (!EventTypes.INSPECTION_FINALIZED.equals(type) && !corrected) {
            throw new PoisonMessage("unknown ce_type '" + type + "'; expected " + EventTypes.INSPECTION_FINALIZED
                    + " or " + EventTypes.INSPECTION_CORRECTED);
        }
        String value = record.getPayload();
        if (value == null || value.isBlank()) {
            throw new PoisonMessage("empty record value");
        }
        if (!corrected) {
            return new InspectionEventBatch.Item(eventId, checked(read(value, InspectionFinalized.class)), trace);
        }
        InspectionCorrected correction = read(value, InspectionCorrected.class);
        if (correction == null || !InspectionCorrected.readable(correction.schemaVersion())) {
            throw new PoisonMessage("unsupported schemaVersion " + (correction == null ? null
                    : correction.schemaVersion()) + " of " + EventTypes.INSPECTION_CORRECTED + "; expected "
                    + InspectionCorrected.SCHEMA_VERSION);
        }
        if (correction.version() < 2 || correction.inspection() == null || correction.inspectionId() == null
                || !correction.inspectionId().toString().equals(correction.inspection().inspectionId())) {
            throw new PoisonMessage("a correction needs a version from 2 and the inspection as corrected, with its id");
        }
        return new InspectionEventBatch.Item(eventId, checked(correction.inspection()), correction.version(),
                correction.reason(), correction.correctedBy(), trace);
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new PoisonMessage("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static InspectionFinalized checked(InspectionFinalized event) {
        // version 1 events (no register dates; their codes refer to inspectedOn) may still be on the topic
        if (event == null || !InspectionFinalized.readable(event.schemaVersion())) {
            throw new PoisonMessage("unsupported schemaVersion " + (event == null ? null : event.schemaVersion())
                    + "; expected " + InspectionFinalized.OLDEST_READABLE_SCHEMA_VERSION + " to "
                    + InspectionFinalized.SCHEMA_VERSION);
        }
        try {
            UUID.fromString(String.valueOf(event.inspectionId()));
        } catch (IllegalArgumentException e) {
            throw new PoisonMessage("inspectionId '" + event.inspectionId() + "' is not a UUID");
        }
        if (event.province() == null || event.province().code() == null || event.inspectedOn() == null) {
            throw new PoisonMessage("province and inspectedOn are required");
        }
        return event;
    }
}
