package vn.ntm.testinfra;

import org.junit.jupiter.api.Test;
import vn.ntm.platform.http.testing.AccessLogLines;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * What every service's operations endpoints must do, written once: each service's {@code PlatformTest} is a
 * {@code @QuarkusTest} that extends this class and adds its own checks. Health and metrics are on the management
 * interface ({@link Management}), without a token; the API port serves neither. Tokens come from the test JVM's
 * issuer.
 */
public abstract class PlatformContractTest {
    protected static final String DEPENDENCIES = "/q/health/group/dependencies";

    protected static String bearer(String subject, String role) {
        return TestInfrastructure.get().tokens().token(subject, role).bearer();
    }

    protected static String viewerOf(String province) {
        return TestInfrastructure.get().tokens().token("viewer-" + province, "viewer").province(province).bearer();
    }

    @Test
    void readinessIsTheDatabaseAlone() {
        Management.given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                // the messaging extension's own check stays, without the channels' broker connections
                .body("checks.name", everyItem(anyOf(equalTo("Database connections health check"),
                        equalTo("SmallRye Reactive Messaging - readiness check"))))
                .body(not(containsString("events")));
    }

    @Test
    void theDependenciesGroupReportsTheDatabaseTheBrokerTheConsumersAndTheOutbox() {
        Management.given().when().get(DEPENDENCIES)
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check",
                        "Kafka consumers' progress", "outbox"));
        // every group at once, and every standard check at once, answer too
        Management.given().when().get("/q/health/group").then().statusCode(200)
                .body("checks.name", hasItems("Kafka connection health check", "outbox"));
        Management.given().when().get("/q/health").then().statusCode(200)
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void livenessAndStartupAreUp() {
        Management.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Management.given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theApiPortServesNeitherHealthNorMetrics() {
        for (String path : List.of("/q/health/ready", "/q/health/live", "/q/metrics", DEPENDENCIES)) {
            given().header("Authorization", bearer("ops-ntm", "ops")).when().get(path)
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void anUnknownPathIsAProblemJson404() {
        given().when().get("/no-such-resource")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Không tìm thấy"))
                .body("detail", containsString("/no-such-resource"));
    }

    @Test
    void openApiAndSwaggerUiOnTheApiPortMetricsOnTheManagementPortWithoutAToken() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        Management.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ntm_outbox_pending"))
                .body(containsString("ntm_health_probe_up{probe=\"database\"} 1.0"))
                .body(containsString("ntm_health_probe_up{probe=\"kafka\"}"));
    }

    @Test
    void theOutboxAdminEndpointsHealthCheckAndMetricsComeFromPlatformOutbox() {
        String admin = bearer("admin-ntm", "admin");
        Management.given().when().get(DEPENDENCIES).then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"));
        given().header("Authorization", admin).when().get("/admin/outbox/parked").then().statusCode(200)
                .contentType("application/json").body("size()", equalTo(0));
        given().header("Authorization", admin).when().post("/admin/outbox/parked/123456789/retry").then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().header("Authorization", viewerOf("20")).when().get("/admin/outbox/parked").then().statusCode(403)
                .contentType("application/problem+json");
        given().when().get("/admin/outbox/parked").then().statusCode(401).contentType("application/problem+json");
        Management.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ntm_outbox_parked "));
    }

    @Test
    void everyApiRequestLeavesOneAccessLogLineAndHealthChecksLeaveNone() {
        String subject = "access-log-" + System.nanoTime();
        try (AccessLogLines log = AccessLogLines.capture()) {
            // the display name (upn) differs from the subject: the line names the subject
            given().header("Authorization", TestInfrastructure.get().tokens().token(subject, "admin")
                            .name("Quản trị viên").bearer())
                    .when().post("/admin/outbox/parked/424242/retry").then().statusCode(404);
            given().when().get("/admin/outbox/parked").then().statusCode(401);
            Management.given().when().get("/q/health/ready").then().statusCode(200);

            await().atMost(Duration.ofSeconds(5)).until(() -> log.lines().size() >= 2);
            assertThat(log.lines()).hasSize(2);
            assertThat(log.lines().get(0)).matches("method=POST path=/admin/outbox/parked/\\{id}/retry status=404"
                    + " durationMs=\\d+\\.\\d sub=" + subject + " traceId=[0-9a-f]{32}");
            assertThat(log.lines().get(1))
                    .matches("method=GET path=/admin/outbox/parked status=401 durationMs=\\d+\\.\\d sub=- traceId=\\S+");
        }
    }
}
