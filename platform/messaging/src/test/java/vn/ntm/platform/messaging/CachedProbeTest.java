package vn.ntm.platform.messaging;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CachedProbeTest {

    @Test
    void answersTheLastResultOfTheCheck() {
        CachedProbe up = new CachedProbe("db", () -> "select 1 answered", Duration.ofSeconds(1),
                Duration.ofSeconds(1), Clock.systemUTC());
        assertThat(up.status()).isEqualTo(new CachedProbe.Status(false, "not checked yet"));
        up.runOnce();
        assertThat(up.status()).isEqualTo(new CachedProbe.Status(true, "select 1 answered"));

        CachedProbe down = new CachedProbe("db", () -> {
            throw new java.sql.SQLException("connection refused");
        }, Duration.ofSeconds(1), Duration.ofSeconds(1), Clock.systemUTC());
        down.runOnce();
        assertThat(down.status().up()).isFalse();
        assertThat(down.status().detail()).contains("connection refused");
    }

    @Test
    void aCheckThatHangsPastTheTimeoutIsDownWhileTheCallerIsAnsweredAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CachedProbe probe = new CachedProbe("kafka", () -> {
            release.await(60, TimeUnit.SECONDS);
            return "late";
        }, Duration.ofMillis(10), Duration.ofMillis(200), Clock.systemUTC());
        try {
            probe.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.status().detail().startsWith("no answer"));
            assertThat(probe.status().up()).isFalse();
            release.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.status().up());
            assertThat(probe.status().detail()).isEqualTo("late");
        } finally {
            release.countDown();
            probe.close();
        }
    }
}
