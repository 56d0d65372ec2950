package vn.ntm.platform.http;

import vn.ntm.platform.i18n.Messages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Every error of the test application, inside and outside JAX-RS, is problem+json with its kind's type and code. */
@QuarkusTest
class HttpEdgeTest {
    static final String PROBLEM = "application/problem+json";
    static final String VALID = "{\"title\":\"Kiểm tra\",\"inspectedOn\":\"2025-06-30\",\"tier\":\"NTM\","
            + "\"items\":[{\"code\":\"1\",\"name\":\"Giao\"}]}";

    static ValidatableResponse kind(ValidatableResponse response, ProblemKind kind, int status) {
        return kind(response, kind, status, Messages.VIETNAMESE);
    }

    static ValidatableResponse kind(ValidatableResponse response, ProblemKind kind, int status, Locale language) {
        return response.statusCode(status).contentType(PROBLEM)
                .body("type", equalTo(kind.type()))
                .body("code", equalTo(kind.code()))
                .body("status", equalTo(status))
                .body("title", equalTo(kind.titleText().in(language)))
                .body("detail", not(containsString("java.")))
                .body("detail", not(containsString("vn.ntm")))
                .body("detail", not(containsString("com.fasterxml")));
    }

    static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/samples").then();
    }

    /** The English answer ({@code Accept-Language: en}), for the tests of English wording. */
    static ValidatableResponse postInEnglish(String body) {
        return given().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post("/samples").then();
    }

    @Test
    void acceptsAValidBodyAndKeepsVietnameseText() {
        post(VALID).statusCode(201).body("title", equalTo("Kiểm tra")).body("items[0].name", equalTo("Giao"));
    }

    @Test
    void everyServiceRefusalCarriesItsKindsTypeAndCode() {
        for (ProblemKind kind : ProblemKind.values()) {
            int status = kind.status();
            kind(given().get("/samples/refusals/{kind}", kind.name()).then(), kind, status)
                    .body("instance", equalTo("/samples/refusals/" + kind.name()));
        }
        kind(given().get("/samples/refusals/VALIDATION").then(), ProblemKind.VALIDATION, 422)
                .body("errors[0].field", equalTo("items[0].code"))
                .body("errors[0].pointer", equalTo("/items/0/code"));
    }

    @Test
    void problemTypesAndCodesResolveToTheirMeaningInVietnameseAndEnglish() {
        given().get("/problems/TRANSITION_NOT_ALLOWED").then().statusCode(200).contentType(ContentType.JSON)
                .header("Content-Language", "vi")
                .body("code", equalTo("TRANSITION_NOT_ALLOWED")).body("type", equalTo(ProblemKind.CONFLICT.type()))
                .body("statuses", equalTo(List.of(409))).body("title", equalTo("Không được chuyển trạng thái"))
                .body("meaning", containsString("Nhiệm vụ không thể chuyển"));
        given().header("Accept-Language", "en").get("/problems/TRANSITION_NOT_ALLOWED").then().statusCode(200)
                .header("Content-Language", "en").body("title", equalTo("Transition not allowed"))
                .body("meaning", containsString("The task cannot move"));
        // the last segment of a type URI resolves to its kind, which lists its specific codes
        given().get("/problems/stale-version").then().statusCode(200).body("code", equalTo("STALE_VERSION"))
                .body("type", equalTo(ProblemKind.STALE_VERSION.type()));
        given().get("/problems/conflict").then().statusCode(200).body("code", equalTo("CONFLICT"))
                .body("codes", hasItem("INSPECTION_FINALIZED"));
        given().accept("text/html").header("Accept-Language", "en").get("/problems/EVIDENCE_REQUIRED").then()
                .statusCode(200).contentType(ContentType.HTML).body(containsString("<html lang=\"en\">"))
                .body(containsString("Evidence required"));
        given().get("/problems").then().statusCode(200).body("code", hasItem("UNIT_NOT_VALID_ON_DATE"))
                .body("size()", equalTo(ProblemCode.values().length));
        kind(given().get("/problems/NO_SUCH_CODE").then(), ProblemKind.NOT_FOUND, 404);
        kind(given().get("/problems/x.y").then(), ProblemKind.NOT_FOUND, 404);
        kind(given().header("Accept-Language", "en").get("/problems/NO_SUCH_CODE").then(), ProblemKind.NOT_FOUND, 404,
                Messages.ENGLISH).body("detail", containsString("GET /problems"));
    }

    @Test
    void aServiceMayNameAMoreSpecificCode() {
        given().get("/samples/specific").then().statusCode(409)
                .body("type", equalTo(ProblemKind.CONFLICT.type())).body("code", equalTo("TRANSITION_NOT_ALLOWED"));
    }

    @Test
    void authenticationAndAuthorizationFailuresInsideJaxRs() {
        kind(given().get("/samples/anonymous").then(), ProblemKind.UNAUTHENTICATED, 401)
                .header("WWW-Authenticate", "Bearer");
        kind(given().get("/samples/denied").then(), ProblemKind.FORBIDDEN, 403);
    }

    @Test
    void anonymousRequestToAPermissionGuardedPathIs401BeforeJaxRs() {
        kind(given().get("/guarded").then(), ProblemKind.UNAUTHENTICATED, 401)
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        kind(given().get("/nothing/here").then(), ProblemKind.NOT_FOUND, 404);
        kind(given().get("/q/nothing").then(), ProblemKind.NOT_FOUND, 404);
        kind(given().delete("/samples/1").then(), ProblemKind.METHOD_NOT_ALLOWED, 405);
    }

    @Test
    void databaseOutageIs503WithRetryAfterAndABugIs500WithoutInternals() {
        kind(given().get("/samples/database-down").then(), ProblemKind.UNAVAILABLE, 503)
                .header("Retry-After", "5");
        kind(given().get("/samples/bug").then(), ProblemKind.INTERNAL, 500)
                .body("detail", equalTo("Không thể xử lý yêu cầu."));
    }

    @Test
    void bodyOverTheLimitIs413BeforeItIsRead() {
        kind(post("{\"title\":\"" + "x".repeat(3000) + "\",\"items\":[]}"), ProblemKind.TOO_LARGE, 413)
                .body("detail", containsString("lớn hơn 2 KB"));
    }

    @Test
    void chunkedBodyOverTheLimitIs413() {
        byte[] body = ("{\"title\":\"" + "x".repeat(3000) + "\",\"items\":[]}").getBytes(StandardCharsets.UTF_8);
        // an InputStream body is sent chunked, without Content-Length: Quarkus finds the size while reading
        kind(given().contentType(ContentType.JSON).body(new ByteArrayInputStream(body)).when().post("/samples").then(),
                ProblemKind.TOO_LARGE, 413);
    }

    @Test
    void overLongRequestTargetIs414() {
        kind(given().get("/samples/1?q=" + "a".repeat(9000)).then(), ProblemKind.URI_TOO_LONG, 414);
    }

    @Test
    void bodyWithoutContentTypeIs415AndABodilessPostNeedsNone() {
        kind(RestAssured.given().body(VALID.getBytes(StandardCharsets.UTF_8)).post("/samples").then()
                .log().ifValidationFails(), ProblemKind.UNSUPPORTED_MEDIA_TYPE, 415);
        kind(given().contentType("text/plain").body(VALID).post("/samples").then(),
                ProblemKind.UNSUPPORTED_MEDIA_TYPE, 415);
        given().post("/samples/1/finalize").then().statusCode(200);
    }

    @Test
    void malformedJsonIsAMalformedRequest() {
        kind(post("{\"title\":"), ProblemKind.MALFORMED_REQUEST, 400);
        kind(post("{\"title\":\"a\",\"items\":[]} {}"), ProblemKind.MALFORMED_REQUEST, 400);
        kind(post("[1,2]"), ProblemKind.MALFORMED_REQUEST, 400);
        kind(given().contentType(ContentType.JSON).body(new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"',
                (byte) 0xC0, (byte) 0xAF, '"', '}'}).post("/samples").then(), ProblemKind.MALFORMED_REQUEST, 400)
                .body("detail", containsString("UTF-8"));
    }

    @Test
    void duplicateKeysAreRefused() {
        kind(post("{\"title\":\"a\",\"title\":\"b\",\"items\":[]}"), ProblemKind.MALFORMED_REQUEST, 400)
                .body("detail", containsString("title"));
    }

    @Test
    void unknownFieldsAreRefusedWithTheirPointer() {
        kind(post("{\"title\":\"a\",\"items\":[{\"code\":\"1\",\"colour\":\"red\"}]}"), ProblemKind.VALIDATION, 400)
                .body("errors[0].field", equalTo("items[0].colour"))
                .body("errors[0].pointer", equalTo("/items/0/colour"))
                .body("errors[0].message", equalTo("không phải là trường của tài nguyên này"));
    }

    @Test
    void nulAndLoneSurrogatesAreRefusedInAnyString() {
        kind(post("{\"title\":\"a\\u0000b\",\"items\":[]}"), ProblemKind.VALIDATION, 400)
                .body("errors[0].pointer", equalTo("/title"))
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", equalTo(InvalidTextException.TEXT.in(Messages.VIETNAMESE)));
        kind(post("{\"title\":\"a\",\"items\":[{\"code\":\"1\",\"name\":\"\\ud800\"}]}"), ProblemKind.VALIDATION, 400)
                .body("errors[0].pointer", equalTo("/items/0/name"));
        kind(post("{\"title\":\"a\",\"items\":[{\"code\":\"\\udc00x\"}]}"), ProblemKind.VALIDATION, 400)
                .body("errors[0].pointer", equalTo("/items/0/code"));
        // a field name is text too
        kind(post("{\"title\":\"a\",\"it\\u0000ems\":[]}"), ProblemKind.VALIDATION, 400);
        // a correctly paired surrogate (an emoji) is text
        post("{\"title\":\"🌾 \\ud83c\\udf3e\",\"items\":[]}").statusCode(201).body("title", equalTo("🌾 🌾"));
    }

    @Test
    void wrongTypesNameTheFieldAndWhatIsExpectedWithoutJavaNames() {
        kind(postInEnglish("{\"title\":\"a\",\"inspectedOn\":\"30/06/2025\",\"items\":[]}"), ProblemKind.VALIDATION, 400, Messages.ENGLISH)
                .body("errors[0].pointer", equalTo("/inspectedOn"))
                .body("errors[0].message", equalTo("'30/06/2025' is not a date (YYYY-MM-DD)"));
        kind(postInEnglish("{\"title\":\"a\",\"tier\":\"GOLD\",\"items\":[]}"), ProblemKind.VALIDATION, 400, Messages.ENGLISH)
                .body("errors[0].message", equalTo("'GOLD' is not one of NTM, NTM_NANG_CAO"));
        kind(postInEnglish("{\"title\":\"a\",\"year\":\"soon\",\"items\":[]}"), ProblemKind.VALIDATION, 400, Messages.ENGLISH)
                .body("errors[0].message", equalTo("'soon' is not an integer"));
        kind(postInEnglish("{\"title\":[],\"items\":[]}"), ProblemKind.VALIDATION, 400, Messages.ENGLISH)
                .body("errors[0].message", equalTo("must be a string"));
        kind(postInEnglish("{\"title\":\"a\",\"items\":{}}"), ProblemKind.VALIDATION, 400, Messages.ENGLISH)
                .body("errors[0].pointer", equalTo("/items"))
                .body("errors[0].message", allOf(not(containsString("java.")), not(containsString("vn.ntm"))));
        for (String body : new String[] {"{\"title\":\"a\",\"inspectedOn\":1e999,\"items\":[]}", "\"text\"", "42",
                "{\"title\":\"a\",\"items\":[[]]}", "{\"title\":{},\"items\":[]}"}) {
            post(body).statusCode(400).contentType(PROBLEM)
                    .body(not(containsString("java."))).body(not(containsString("vn.ntm")))
                    .body(not(containsString("com.fasterxml")));
        }
    }

    @Test
    void beanValidationErrorsCarryPointers() {
        kind(post("{\"title\":\" \",\"items\":[{\"code\":\"1\",\"name\":\"toolong\"}]}"), ProblemKind.VALIDATION, 400)
                .body("errors.field", hasItem("title"))
                .body("errors.pointer", hasItem("/title"))
                .body("errors.pointer", hasItem("/items/0/name"));
    }

    @Test
    void crossOriginBrowsersMayReadTheApisHeaders() {
        given().header("Origin", "https://front.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,if-match")
                .when().options("/samples").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://front.example");
        String exposed = given().header("Origin", "https://front.example").get("/samples/1").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://front.example")
                .extract().header("Access-Control-Expose-Headers");
        for (String header : new String[] {"ETag", "Location", "Content-Disposition", "Retry-After", "X-Total-Count",
                "Link"}) {
            org.assertj.core.api.Assertions.assertThat(exposed).containsIgnoringCase(header);
        }
        given().header("Origin", "https://evil.example").get("/samples/1").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theOpenApiDocumentDescribesProblemAnswers() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Problem.properties.code.type", equalTo("string"))
                .body("components.schemas.FieldError.properties.pointer.type", equalTo("string"))
                .body("paths.'/samples'.post.responses.'400'.content.'application/problem+json'.schema.$ref",
                        equalTo(ProblemOpenApi.PROBLEM_REF))
                .body("paths.'/samples'.post.responses.'415'.content.'application/problem+json'.schema.$ref",
                        equalTo(ProblemOpenApi.PROBLEM_REF))
                .body("paths.'/samples/1'.get.responses.'503'.content.'application/problem+json'.schema.$ref",
                        equalTo(ProblemOpenApi.PROBLEM_REF))
                .body("paths.'/samples/1'.get.responses.'200'", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theOpenApiDocumentCarriesEachOperationsContract() {
        String create = "paths.'/samples'.post.";
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("info.version", equalTo("2.3.0"))
                .body("servers.url", org.hamcrest.Matchers.contains("https://ntm.example.gov.vn/api/samples",
                        "http://localhost:9999"))
                .body("components.parameters.AcceptLanguage.in", equalTo("header"))
                .body(create + "parameters.'$ref'", org.hamcrest.Matchers.hasItem(
                        "#/components/parameters/AcceptLanguage"))
                .body(create + "responses.'422'.x-problem-codes", org.hamcrest.Matchers.contains("VALIDATION"))
                .body(create + "responses.'409'.x-problem-codes", org.hamcrest.Matchers.contains(
                        "INSPECTION_FINALIZED"))
                .body(create + "responses.'409'.description", org.hamcrest.Matchers.containsString(
                        "`INSPECTION_FINALIZED`: The inspection is finalized"))
                .body(create + "responses.'409'.content.'application/problem+json'.example.code",
                        equalTo("INSPECTION_FINALIZED"))
                .body(create + "responses.'412'.x-problem-codes", org.hamcrest.Matchers.contains("STALE_VERSION"))
                .body(create + "responses.'400'.x-problem-codes", org.hamcrest.Matchers.contains("VALIDATION",
                        "MALFORMED_REQUEST", "REQUEST_REFUSED"))
                .body(create + "responses.'503'.headers.'Retry-After'.'$ref'",
                        equalTo("#/components/headers/Retry-After"))
                .body(create + "responses.'201'.headers.Location.'$ref'", equalTo("#/components/headers/Location"))
                .body(create + "responses.'201'.headers.ETag.'$ref'", equalTo("#/components/headers/ETag"))
                .body(create + "requestBody.content.'application/json'.example.title",
                        equalTo("Đợt kiểm tra xã Cẩm Bình"))
                .body(create + "responses.'201'.content.'application/json'.example.items[0].name", equalTo("Môi"));
    }

    static RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }
}
