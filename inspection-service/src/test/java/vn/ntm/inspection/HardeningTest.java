package vn.ntm.inspection;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;
import vn.ntm.testinfra.Management;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class HardeningTest {

    @Test
    void bodyAboveTheLimitGets413() {
        String big = "{\"title\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        Api.json(Auth.admin()).body(big).post("/inspections").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void noCrossOriginIsAllowedByDefault() {
        Api.as(Auth.admin()).header("Origin", "https://evil.example").get("/inspections")
                .then().header("Access-Control-Allow-Origin", nullValue());
        Api.as(null).header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/inspections").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void metricsAreOnlyOnTheManagementPortWithoutAToken() {
        Api.as(Auth.ops()).get("/q/metrics").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        Management.given().get("/q/metrics").then().statusCode(200).body(containsString("ntm_outbox_pending"));
    }

    @Test
    void swaggerUiOffersBearerAuthorization() {
        Api.as(null).get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/inspections'.post", hasKey("security"));
    }
}
