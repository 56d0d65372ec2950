package vn.ntm.criteria;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static vn.ntm.criteria.SetFixtures.uniqueCode;

@QuarkusTest
class HttpHardeningTest {

    private static byte[] twoMegabyteDraft(String code) {
        byte[] padding = new byte[2 * 1024 * 1024];
        Arrays.fill(padding, (byte) 'a');
        String draft = SetFixtures.validDraft(code).replace("\"legalBasis\": \"Quyết định thử nghiệm\"",
                "\"legalBasis\": \"" + new String(padding, java.nio.charset.StandardCharsets.US_ASCII) + "\"");
        return draft.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void bodiesOverTheLimitGet413ProblemAndCreateNothing() {
        String code = uniqueCode("BIG");
        given().header("Authorization", AuthFixture.admin()).contentType("application/json")
                .body(twoMegabyteDraft(code)).post("/criteria-sets")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        given().get("/criteria-sets/" + code).then().statusCode(404);
        given().contentType("application/json").body(twoMegabyteDraft(code))
                .post("/criteria-sets/XA_NTM_2021_2025/evaluate")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void crossOriginRequestsGetNoCorsGrantByDefault() {
        given().header("Origin", "https://evil.example").get("/criteria-sets/XA_NTM_2021_2025")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/criteria-sets")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void openApiOffersBearerAuthAndMarksOnlyWritesAsSecured() {
        JsonPath api = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Object scheme = api.get("components.securitySchemes.bearer");
        assertThat(scheme).isNotNull();
        assertThat(api.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(api.getList("paths.'/criteria-sets'.post.security")).isNotEmpty();
        assertThat(api.getList("paths.'/criteria-sets/{code}/publish'.post.security")).isNotEmpty();
        assertThat(api.getList("paths.'/provinces'.post.security")).isNotEmpty();
        assertThat(api.getList("paths.'/criteria-sets'.get.security")).isNullOrEmpty();
        assertThat(api.getList("paths.'/criteria-sets/{code}/evaluate'.post.security")).isNullOrEmpty();
    }
}
