package vn.ntm.task;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static vn.ntm.task.Auth.as;
import static vn.ntm.task.Auth.asAdmin;

/** Request size limit and CORS (no cross-origin access unless origins are configured). */
@QuarkusTest
class HardeningTest {

    @Test
    void refusesABodyOverTheLimitWith413() {
        String note = "x".repeat(2 * 1024 * 1024);
        asAdmin().contentType(ContentType.JSON).body("{\"note\":\"" + note + "\"}")
                .when().post("/tasks/" + UUID.randomUUID() + "/notes")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        as(null).contentType(ContentType.JSON).body("{\"trigger\":\"" + note + "\"}")
                .when().put("/task-rules/TOO_LARGE")
                .then().statusCode(413);
    }

    @Test
    void grantsNoCrossOriginAccessByDefault() {
        asAdmin().header("Origin", "https://evil.example").when().get("/tasks")
                .then().header("Access-Control-Allow-Origin", nullValue());
        as(null).header("Origin", "https://evil.example").header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/tasks/" + UUID.randomUUID())
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
