package vn.ntm.inspection;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class PlatformTest {

    @Test
    void readinessCoversDatabaseAndKafka() {
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
    void unknownPathIsProblemJson404() {
        given().when().get("/no-such-resource")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Không tìm thấy"))
                .body("detail", containsString("/no-such-resource"));
    }

    @Test
    void openApiSwaggerAndMetricsAreServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        Api.as(Auth.ops()).when().get("/q/metrics").then().statusCode(200).body(containsString("ntm_outbox_pending"));
    }

    @Test
    void outboxAdminEndpointsReadinessAndMetricsComeFromPlatformOutbox() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"));
        given().header("Authorization", Auth.admin()).when().get("/admin/outbox/parked").then().statusCode(200)
                .contentType("application/json").body("size()", equalTo(0));
        given().header("Authorization", Auth.admin()).when().post("/admin/outbox/parked/123456789/retry").then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().header("Authorization", Auth.viewer("20")).when().get("/admin/outbox/parked").then().statusCode(403)
                .contentType("application/problem+json");
        given().when().get("/admin/outbox/parked").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Auth.admin()).when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ntm_outbox_parked "));
    }
}
