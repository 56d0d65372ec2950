package vn.ntm.criteria;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static vn.ntm.criteria.SetFixtures.uniqueCode;
import static vn.ntm.criteria.SetFixtures.validDraft;

/** Admin tokens that fail verification are refused with 401 problem+json and change nothing. */
@QuarkusTest
class RejectedTokensTest {

    private static void refusedOnWrite(String bearer) {
        String code = uniqueCode("BADTOK");
        given().header("Authorization", bearer).contentType("application/json")
                .body(validDraft(code).getBytes(StandardCharsets.UTF_8)).post("/criteria-sets")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401)).body("title", equalTo("Chưa xác thực"))
                .body(not(containsString("Exception")));
        given().get("/criteria-sets/" + code).then().statusCode(404);
        given().header("Authorization", bearer).get("/admin/outbox/parked")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void expiredTokenGets401() {
        refusedOnWrite(AuthFixture.expiredAdmin());
    }

    @Test
    void tokenSignedByAnotherKeyGets401() {
        refusedOnWrite(AuthFixture.forgedAdmin());
    }

    @Test
    void tokenFromAnotherIssuerGets401() {
        refusedOnWrite(AuthFixture.foreignIssuerAdmin());
    }

    @Test
    void tokenForAnotherAudienceGets401() {
        refusedOnWrite(AuthFixture.foreignAudienceAdmin());
    }

    @Test
    void tokenWithoutSubjectGets401() {
        refusedOnWrite(AuthFixture.adminWithoutSubject());
    }

    @Test
    void malformedAuthorizationHeaderGets401() {
        refusedOnWrite("Bearer not-a-jwt");
    }

    @Test
    void publicReadsIgnoreAnyToken() {
        for (String bearer : Map.of("expired", AuthFixture.expiredAdmin(), "forged", AuthFixture.forgedAdmin(),
                "garbage", "Bearer not-a-jwt").values()) {
            given().header("Authorization", bearer).get("/criteria-sets/XA_NTM_2021_2025").then().statusCode(200);
            given().header("Authorization", bearer).contentType("application/json")
                    .body("{\"region\": 1, \"year\": 2023, \"values\": {}}")
                    .post("/criteria-sets/XA_NTM_2021_2025/evaluate").then().statusCode(200);
        }
    }
}
