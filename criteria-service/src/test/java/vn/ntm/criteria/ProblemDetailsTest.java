package vn.ntm.criteria;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.ntm.criteria.SetFixtures.post;
import static vn.ntm.criteria.SetFixtures.uniqueCode;
import static vn.ntm.criteria.SetFixtures.validDraft;

/** Problem answers carry platform-http's stable types and codes, and never show Java names (issue 10 item 6). */
@QuarkusTest
class ProblemDetailsTest {
    private static final String TYPES = "https://ntm.gov.vn/problems/";

    private static ValidatableResponse withoutJavaNames(ValidatableResponse response) {
        return response.contentType("application/problem+json")
                .body(not(containsString("java."))).body(not(containsString("vn.ntm")))
                .body(not(containsString("com.fasterxml")));
    }

    @Test
    void badBodiesNeverShowJavaClassNames() {
        String code = uniqueCode("JAVA");
        String draft = validDraft(code);
        List<String> bodies = List.of(
                draft.replace("\"periodFrom\": 2021", "\"periodFrom\": \"soon\""),
                draft.replace("\"level\": \"COMMUNE\"", "\"level\": \"GALAXY\""),
                draft.replace("\"groups\": [", "\"groups\": {\"x\": [").replace("\"order\": 2}],", "\"order\": 2}]},"),
                draft.replace("\"number\": 1,", "\"number\": [1],"),
                draft.replace("\"name\": \"Quy hoạch\", \"group\"", "\"name\": {}, \"group\""),
                draft + " []",
                "[]", "\"text\"", "{\"code\": 1e999}");
        for (String body : bodies) {
            withoutJavaNames(post("/criteria-sets", body).statusCode(400));
        }
        withoutJavaNames(SetFixtures.evaluate("XA_NTM_2021_2025", "{\"region\": 1, \"year\": \"x\"}").statusCode(400))
                .body("errors[0].pointer", equalTo("/year"));
        given().get("/criteria-sets/" + code).then().statusCode(404);
    }

    @Test
    void nulAndLoneSurrogatesAreRefusedNamingTheFieldAndNothingIsWritten() {
        String code = uniqueCode("NUL");
        withoutJavaNames(post("/criteria-sets", validDraft(code).replace("Quyết định thử nghiệm", "a\\u0000b"))
                .statusCode(400)).body("type", equalTo(TYPES + "validation"))
                .body("errors.pointer", hasItem("/legalBasis"));
        withoutJavaNames(post("/criteria-sets", validDraft(code).replace("\"name\": \"Quy hoạch\", \"order\"",
                "\"name\": \"\\ud800\", \"order\"")).statusCode(400)).body("errors.pointer", hasItem("/groups/0/name"));
        given().get("/criteria-sets/" + code).then().statusCode(404);
    }

    @Test
    void unknownFieldsAreRefusedWithTheirPointer() {
        String code = uniqueCode("UNK");
        post("/criteria-sets", validDraft(code).replace("\"tier\": \"NTM\",", "\"tier\": \"NTM\", \"colour\": 1,"))
                .statusCode(400).body("code", equalTo("VALIDATION")).body("errors.pointer", hasItem("/colour"));
        given().get("/criteria-sets/" + code).then().statusCode(404);
    }

    @Test
    void everyKindOfRefusalHasItsTypeAndCode() {
        given().get("/criteria-sets/NO_SUCH_SET").then().statusCode(404)
                .body("type", equalTo(TYPES + "not-found")).body("code", equalTo("NOT_FOUND"));
        given().contentType("application/json").body(validDraft(uniqueCode("ANON"))).post("/criteria-sets").then()
                .statusCode(401).body("type", equalTo(TYPES + "unauthenticated")).body("code", equalTo("UNAUTHENTICATED"));
        given().header("Authorization", AuthFixture.viewer("20")).contentType("application/json")
                .body(validDraft(uniqueCode("VIEW"))).post("/criteria-sets").then()
                .statusCode(403).body("type", equalTo(TYPES + "forbidden")).body("code", equalTo("FORBIDDEN"));
        given().get("/admin/outbox/parked").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
        given().delete("/criteria-sets").then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo(TYPES + "method-not-allowed")).body("code", equalTo("METHOD_NOT_ALLOWED"));
        given().get("/q/no-such-endpoint").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
        post("/criteria-sets", "{").statusCode(400)
                .body("type", equalTo(TYPES + "malformed-request")).body("code", equalTo("MALFORMED_REQUEST"));
    }

    @Test
    void theOpenApiDocumentDescribesProblemAnswers() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Problem.properties.code.type", equalTo("string"))
                .body("paths.'/criteria-sets'.post.responses.'400'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/criteria-sets'.post.responses.'401'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"));
    }

    @Test
    void problemTypesAndCodesResolveWithoutATokenInVietnameseAndEnglish() {
        given().get("/problems/DUPLICATE_CRITERIA_SET").then().statusCode(200).contentType("application/json")
                .body("code", equalTo("DUPLICATE_CRITERIA_SET")).body("type", equalTo(TYPES + "conflict"))
                .body("title", equalTo("Bộ tiêu chí đã tồn tại"));
        given().header("Accept-Language", "en").get("/problems/DUPLICATE_CRITERIA_SET").then().statusCode(200)
                .body("title", equalTo("Criteria set exists"));
        given().get("/problems/conflict").then().statusCode(200).body("codes", hasItem("DUPLICATE_CRITERIA_SET"));
        given().get("/problems/NO_SUCH_CODE").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo(TYPES + "not-found")).body("code", equalTo("NOT_FOUND"));
    }
}
