package vn.ntm.task.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.ntm.localinfra.JwtKeys;
import vn.ntm.task.Auth;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static vn.ntm.task.Auth.as;

/** Only tokens signed by the configured issuer's key, for this audience and not expired, are accepted. */
@QuarkusTest
class TokenValidationTest {

    private static void rejected(String bearer) {
        as(bearer).when().get("/tasks")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401)).body("title", equalTo("Chưa xác thực"))
                .body(not(containsString("Exception")));
        as(bearer).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\":\"DONE\"}")
                .when().patch("/tasks/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
        as(bearer).when().get("/tasks/summary").then().statusCode(401).contentType("application/problem+json");
        as(bearer).when().get("/task-rules").then().statusCode(401).contentType("application/problem+json");
        as(bearer).when().get("/admin/outbox/parked").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void rejectsAnExpiredToken() {
        rejected(Auth.token("admin-expired", "admin").expiresAt(Instant.now().minus(Duration.ofMinutes(10)))
                .bearer());
    }

    /** Verified tokens are remembered (VerifiedTokens), but never past their own expiry. */
    @Test
    void aTokenAcceptedWhileValidIsRefusedOnceItExpires() {
        // warm first: the two requests below must fit in the token's life (exp is in whole seconds, so it expires
        // within 1 s and is accepted for 1 to 2 s with the skew)
        as(Auth.admin()).when().get("/tasks").then().statusCode(200);
        String bearer = Auth.token("admin-short-lived", "admin").expiresAt(Instant.now().plusSeconds(1)).bearer();
        as(bearer).when().get("/tasks").then().statusCode(200);
        as(bearer).when().get("/tasks").then().statusCode(200);
        // refused once expired and the test configuration's 1 s of clock skew has passed too
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> as(bearer).when().get("/tasks").then().extract().statusCode() == 401);
        rejected(bearer);
    }

    @Test
    void rejectsATokenSignedWithAnotherKey() {
        rejected(Auth.token("admin-forged", "admin").signedWith(JwtKeys.foreignKey()).bearer());
    }

    @Test
    void rejectsATokenFromAnotherIssuer() {
        rejected(Auth.token("admin-foreign", "admin").issuer("https://issuer.example.org").bearer());
    }

    @Test
    void rejectsATokenWithoutSubject() {
        // the actor recorded is the subject: a token naming its user only by upn is no caller
        rejected(Auth.token(null, "admin").name("admin-by-name").bearer());
    }

    @Test
    void rejectsATokenForAnotherAudience() {
        rejected(Auth.token("admin-other-audience", "admin").audience("another-system").bearer());
    }

    @Test
    void rejectsAMissingOrMalformedToken() {
        rejected(null);
        rejected("Bearer not.a.jwt");
        rejected("Basic YWRtaW46YWRtaW4=");
    }

    @Test
    void acceptsAValidTokenOfTheSameShape() {
        as(Auth.admin()).when().get("/tasks").then().statusCode(200);
    }

    @Test
    void publicEndpointsIgnoreTokens() {
        String forged = Auth.token("admin-forged", "admin").signedWith(JwtKeys.foreignKey()).bearer();
        as(forged).when().get("/q/openapi").then().statusCode(200);
        as(null).when().get("/q/openapi").then().statusCode(200);
        as(null).when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
