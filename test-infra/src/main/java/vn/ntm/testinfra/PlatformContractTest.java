package vn.ntm.testinfra;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What every service's operations endpoints must do, written once: each service's {@code PlatformTest} is a
 * {@code @QuarkusTest} that extends this class and adds its own checks. Tokens come from the test JVM's issuer.
 */
public abstract class PlatformContractTest {

    protected static String bearer(String subject, String role) {
        return TestInfrastructure.get().tokens().token(subject, role).bearer();
    }

    protected static String viewerOf(String province) {
        return TestInfrastructure.get().tokens().token("viewer-" + province, "viewer").province(province).bearer();
    }

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
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
    void openApiSwaggerUiAndMetricsAreServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().header("Authorization", bearer("ops-ntm", "ops")).when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ntm_outbox_pending"));
    }

    @Test
    void theOutboxAdminEndpointsReadinessAndMetricsComeFromPlatformOutbox() {
        String admin = bearer("admin-ntm", "admin");
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"));
        given().header("Authorization", admin).when().get("/admin/outbox/parked").then().statusCode(200)
                .contentType("application/json").body("size()", equalTo(0));
        given().header("Authorization", admin).when().post("/admin/outbox/parked/123456789/retry").then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().header("Authorization", viewerOf("20")).when().get("/admin/outbox/parked").then().statusCode(403)
                .contentType("application/problem+json");
        given().when().get("/admin/outbox/parked").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", admin).when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ntm_outbox_parked "));
    }
}
