package vn.ntm.platform.messaging;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelConsumerTest {
    /** The marks a consumer leaves, in order. */
    static final class Marks implements ChannelConsumer.Progress {
        final List<String> marks = new ArrayList<>();

        @Override
        public void register(String channel) {
            marks.add("register " + channel);
        }

        @Override
        public void received(String channel, int partition, long offset) {
            marks.add("received " + channel + " " + partition + "/" + offset);
        }

        @Override
        public void finished(String channel, int partition, long offset) {
            marks.add("finished " + channel + " " + partition + "/" + offset);
        }
    }

    private static RecordHeaders headers(String name, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    @Test
    void registersTheChannelBeforeItsFirstRecord() {
        Marks progress = new Marks();
        new ChannelConsumer("events", progress, 0);
        assertThat(progress.marks).containsExactly("register events");
    }

    @Test
    void marksEveryRecordFinishedEvenWhenTheWorkFails() {
        Marks progress = new Marks();
        ChannelConsumer consumer = new ChannelConsumer("events", progress, 0);
        assertThat(consumer.track(List.of(new ChannelConsumer.Position(0, 7), new ChannelConsumer.Position(1, 3)),
                () -> "done")).isEqualTo("done");
        assertThatThrownBy(() -> consumer.track(2, 9, () -> {
            throw new IllegalStateException("broken");
        })).hasMessage("broken");
        assertThat(progress.marks).containsExactly("register events", "received events 0/7",
                "received events 1/3", "finished events 0/7", "finished events 1/3", "received events 2/9",
                "finished events 2/9");
    }

    @Test
    void retriesATransientFailureAndGivesUpAtOnceOnAPermanentOne() {
        ChannelConsumer consumer = new ChannelConsumer("events", new Marks(), 0);
        AtomicInteger calls = new AtomicInteger();
        Optional<Integer> result = consumer.retry("event 1", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException(new SQLTransientConnectionException("pool exhausted"));
            }
            return calls.get();
        });
        assertThat(result).contains(2);
        assertThatThrownBy(() -> consumer.retry("event 2", () -> {
            throw new IllegalArgumentException("not an event");
        })).isInstanceOf(Retrier.GaveUp.class).hasMessageContaining("not an event");
    }

    @Test
    void answersEmptyOnceStoppedSoTheRecordIsLeftForRedelivery() {
        ChannelConsumer consumer = new ChannelConsumer("events", new Marks(), 0);
        consumer.stop();
        assertThat(consumer.retry("event 1", () -> 1)).isEmpty();
    }

    @Test
    void readsTheEventIdAndRefusesAMissingOrMalformedOne() {
        UUID id = UUID.randomUUID();
        assertThat(ChannelConsumer.eventId(headers("ce_id", " " + id + " "))).isEqualTo(id);
        assertThatThrownBy(() -> ChannelConsumer.eventId(new RecordHeaders())).isInstanceOf(PoisonMessage.class)
                .hasMessage("missing ce_id header");
        assertThatThrownBy(() -> ChannelConsumer.eventId(headers("ce_id", "42"))).isInstanceOf(PoisonMessage.class)
                .hasMessage("ce_id '42' is not a UUID");
    }

    @Test
    void readsTheLastHeaderAndTheEventTime() {
        RecordHeaders headers = headers("ce_type", "first");
        headers.add("ce_type", "second".getBytes(StandardCharsets.UTF_8));
        assertThat(ChannelConsumer.header(headers, "ce_type")).isEqualTo("second");
        assertThat(ChannelConsumer.header(headers, "ce_source")).isNull();
        assertThat(ChannelConsumer.time(headers("ce_time", "2025-07-01T01:02:03Z")))
                .isEqualTo(Instant.parse("2025-07-01T01:02:03Z"));
        assertThat(ChannelConsumer.time(headers("ce_time", "yesterday"))).isNull();
    }

    @Test
    void deadLettersWithTheReason() {
        ChannelConsumer consumer = new ChannelConsumer("events", new Marks(), 0);
        AtomicReference<Throwable> nacked = new AtomicReference<>();
        PoisonMessage reason = new PoisonMessage("malformed JSON");
        CompletionStage<Void> done = consumer.deadLetter(0, 12, reason, e -> {
            nacked.set(e);
            return CompletableFuture.completedFuture(null);
        });
        assertThat(done.toCompletableFuture()).isCompleted();
        assertThat(nacked.get()).isSameAs(reason);
    }
}
