package vn.ntm.task;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.ntm.testinfra.TestInfrastructure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health answers within a second whatever the broker does: with the broker's JVM frozen (SIGSTOP: connections
 * open, nothing answers) readiness answered only after 30 s and more before; now it answers at once, DOWN naming
 * Kafka, and UP again after the thaw.
 */
@QuarkusTest
class HealthUnderFaultsTest {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();

    private static com.fasterxml.jackson.databind.JsonNode kafkaCheck(HttpResponse<String> response)
            throws Exception {
        for (com.fasterxml.jackson.databind.JsonNode check
                : new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("checks")) {
            if (check.path("name").asText().equals("Kafka connection health check")) {
                return check;
            }
        }
        throw new AssertionError("no Kafka check in " + response.body());
    }

    @TestHTTPResource("/q/health/ready")
    URI ready;
    @TestHTTPResource("/q/health/live")
    URI live;
    @TestHTTPResource("/q/health")
    URI all;

    /** The answer, which must come within one second (the request fails otherwise). */
    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyHealthEndpointAnswersWithinASecondWhileTheBrokerIsFrozen() throws Exception {
        // warm-up (the first request loads classes): not the subject of the test
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> get(ready).statusCode() == 200);
        TestInfrastructure infra = TestInfrastructure.get();
        infra.freezeKafka();
        try {
            // DOWN once the broker has not answered the probe within its timeout; every answer within a second
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                HttpResponse<String> response = get(ready);
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(kafkaCheck(response).path("status").asText()).isEqualTo("DOWN");
            });
            for (int i = 0; i < 5; i++) {
                assertThat(get(ready).statusCode()).isEqualTo(503);
                assertThat(get(live).statusCode()).isIn(200, 503);
                assertThat(get(all).statusCode()).isIn(200, 503);
                Thread.sleep(200); // five answers over a second of the freeze
            }
        } finally {
            infra.thawKafka();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> get(ready).statusCode() == 200);
    }
}
