package vn.ntm.task;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.ntm.testinfra.PlatformContractTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The operations endpoints every service shares ({@link PlatformContractTest}), and task-service's own: the consumer
 * check in readiness, the task gauges, bearer tokens in Swagger UI, metrics for operators only.
 */
@QuarkusTest
class PlatformTest extends PlatformContractTest {

    @Test
    void readinessCoversTheKafkaConsumers() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItem(containsString("SmallRye Reactive Messaging")));
    }

    @Test
    void publishesTaskMetrics() {
        Auth.as(Auth.ops()).when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ntm_tasks{status=\"OPEN\""))
                .body(containsString("ntm_tasks_overdue"))
                .body(containsString("ntm_inspection_events_lag_seconds"));
    }

    @Test
    void swaggerUiOffersBearerTokens() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.SecurityScheme.type", equalTo("http"))
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"))
                .body("paths.'/tasks'.get.security", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void metricsNeedOpsOrAdmin() {
        given().when().get("/q/metrics").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        Auth.as(Auth.viewer("20")).when().get("/q/metrics").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
