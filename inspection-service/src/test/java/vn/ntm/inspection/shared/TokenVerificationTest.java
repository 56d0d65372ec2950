package vn.ntm.inspection.shared;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;
import vn.ntm.localinfra.JwtKeys;

import java.time.Duration;
import java.time.Instant;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Tokens that must not be trusted get 401 problem+json (never 500), on reads and writes alike. */
@QuarkusTest
class TokenVerificationTest {

    private static void refused(String bearer) {
        Api.as(bearer).get("/inspections").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Chưa xác thực"))
                .body(not(containsString("Exception")));
        Api.json(bearer).post("/inspections/" + java.util.UUID.randomUUID() + "/finalize").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void validTokenIsAccepted() {
        Api.as(Auth.admin()).get("/inspections").then().statusCode(200);
    }

    @Test
    void missingTokenIsRefused() {
        refused(null);
    }

    @Test
    void expiredTokenIsRefused() {
        refused(Auth.tokens().token("admin-test", "admin").expiresAt(Instant.now().minus(Duration.ofHours(1)))
                .bearer());
    }

    /** Verified tokens are remembered (platform-security's VerifiedTokens), but never past their own expiry. */
    @Test
    void aTokenAcceptedWhileValidIsRefusedOnceItExpires() {
        // warm first: the two requests below must fit in the token's life (exp is in whole seconds, so it expires
        // within 1 s and is accepted for 1 to 2 s with the test configuration's skew)
        Api.as(Auth.admin()).get("/inspections").then().statusCode(200);
        String bearer = Auth.tokens().token("admin-short-lived", "admin").expiresAt(Instant.now().plusSeconds(1))
                .bearer();
        Api.as(bearer).get("/inspections").then().statusCode(200);
        Api.as(bearer).get("/inspections").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> Api.as(bearer).get("/inspections").then().extract().statusCode() == 401);
        refused(bearer);
    }

    @Test
    void wronglySignedTokenIsRefused() {
        refused(Auth.tokens().token("admin-test", "admin").signedWith(JwtKeys.foreignKey()).bearer());
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() {
        refused(Auth.tokens().token("admin-test", "admin").issuer("https://evil.example/issuer").bearer());
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        refused(Auth.tokens().token("admin-test", "admin").audience("other-system").bearer());
    }

    @Test
    void tokenWithoutSubjectIsRefused() {
        // the actor recorded is the subject: a token naming its user only by upn is no caller
        refused(Auth.tokens().token(null, "admin").name("admin-by-name").bearer());
    }

    @Test
    void garbageInsteadOfATokenIsRefused() {
        refused("Bearer not.a.jwt");
    }
}
