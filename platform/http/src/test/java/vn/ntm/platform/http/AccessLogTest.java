package vn.ntm.platform.http;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.ntm.platform.http.testing.AccessLogLines;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One access log line per request, whoever answers it (a resource, the HTTP edge before JAX-RS, a refusal), on one
 * line whatever the client sent. The services' PlatformTest checks the template, the token's subject and the trace.
 */
@QuarkusTest
class AccessLogTest {

    @Test
    void everyRequestGetsOneLineWithMethodPathStatusAndDuration() {
        try (AccessLogLines log = AccessLogLines.capture()) {
            given().get("/samples/1").then().statusCode(200);
            given().get("/nothing/here").then().statusCode(404);
            given().get("/guarded").then().statusCode(401);
            given().urlEncodingEnabled(false).get("/nothing/a%0Ab").then().statusCode(404);

            await().atMost(Duration.ofSeconds(5)).until(() -> log.lines().size() == 4);
            assertThat(log.lines().get(0))
                    .matches("method=GET path=/samples/1 status=200 durationMs=\\d+\\.\\d sub=- traceId=-");
            assertThat(log.lines().get(1)).startsWith("method=GET path=/nothing/here status=404 ");
            assertThat(log.lines().get(2)).startsWith("method=GET path=/guarded status=401 ");
            assertThat(log.lines().get(3)).doesNotContain("\n").startsWith("method=GET path=/nothing/a");
        }
    }
}
