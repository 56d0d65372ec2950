package vn.ntm.platform.messaging;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class UnprocessedRecordsTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theAgeIsThatOfTheOldestUnfinishedRecord() {
        ManualClock clock = new ManualClock();
        UnprocessedRecords records = new UnprocessedRecords(clock);
        assertThat(records.oldestAge()).isZero();

        records.received(0, 10);
        clock.now = clock.now.plusSeconds(5);
        records.received(1, 3);
        clock.now = clock.now.plusSeconds(2);
        assertThat(records.oldestAge()).isEqualTo(Duration.ofSeconds(7));

        records.finished(0, 10);
        assertThat(records.oldestAge()).isEqualTo(Duration.ofSeconds(2));
        records.finished(1, 3);
        assertThat(records.oldestAge()).isZero();
        assertThat(records.size()).isZero();
    }

    @Test
    void aRedeliveredRecordKeepsItsFirstArrival() {
        ManualClock clock = new ManualClock();
        UnprocessedRecords records = new UnprocessedRecords(clock);
        records.received(2, 7);
        clock.now = clock.now.plusSeconds(30);
        records.received(2, 7);
        assertThat(records.oldestAge()).isEqualTo(Duration.ofSeconds(30));
    }
}
