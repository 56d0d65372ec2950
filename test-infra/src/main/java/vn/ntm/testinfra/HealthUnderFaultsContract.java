package vn.ntm.testinfra;

import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A broker outage costs delay, never service, written once for every service: with the broker's JVM frozen
 * (SIGSTOP: connections stay open, nothing answers) readiness answers 200 within a second, a write that goes
 * through the outbox is accepted, the {@code dependencies} group reports the broker DOWN; after the thaw the write's
 * event reaches its topic. Each service's {@code HealthUnderFaultsTest} is a {@code @QuarkusTest} extending this
 * class with its own write.
 */
public abstract class HealthUnderFaultsContract {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();

    /** The event a write must lead to: its topic, key and CloudEvents type. */
    public record Expected(String topic, String key, String type) {
    }

    /**
     * Prepares a write that goes through the outbox (with the broker running: fixtures may need it) and returns the
     * write itself, which the contract calls while the broker is frozen; the write asserts its own answer (2xx) and
     * returns the event it must lead to.
     */
    protected abstract Supplier<Expected> prepareWrite();

    /** The answer, which must come within one second (the request fails otherwise). */
    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String status(HttpResponse<String> response, String check) {
        return JsonPath.from(response.body()).getString("checks.find { it.name == '" + check + "' }.status");
    }

    @Test
    void whileTheBrokerIsFrozenTheServiceStaysReadyAndTakesWritesThatArriveAfterTheThaw() throws Exception {
        URI ready = Management.uri("/q/health/ready");
        URI live = Management.uri("/q/health/live");
        URI all = Management.uri("/q/health");
        URI dependencies = Management.uri("/q/health/group/dependencies");
        Supplier<Expected> write = prepareWrite();
        // warm-up (the first request loads classes): not the subject of the test
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> get(dependencies).statusCode() == 200);
        TestInfrastructure infra = TestInfrastructure.get();
        Expected expected;
        infra.freezeKafka();
        try {
            // the broker's check is DOWN once the broker has not answered its probe within the timeout
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                HttpResponse<String> response = get(dependencies);
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(status(response, "Kafka connection health check")).isEqualTo("DOWN");
            });
            expected = write.get();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> readiness = get(ready);
                assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
                assertThat(get(live).statusCode()).isEqualTo(200);
                assertThat(get(all).statusCode()).isEqualTo(200);
                assertThat(get(dependencies).statusCode()).isEqualTo(503);
                Thread.sleep(200); // five answers over a second of the freeze
            }
        } finally {
            infra.thawKafka();
        }
        List<ConsumerRecord<String, String>> delivered = TopicReader.ofTestBroker().await(expected.topic(),
                r -> expected.key().equals(r.key()) && expected.type().equals(header(r, CloudEventHeaders.TYPE)),
                found -> !found.isEmpty(), Duration.ofSeconds(60));
        assertThat(delivered).hasSize(1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> get(dependencies).statusCode() == 200);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
