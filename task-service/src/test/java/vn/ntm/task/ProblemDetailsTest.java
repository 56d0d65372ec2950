package vn.ntm.task;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.task.intake.InspectionEventBatch;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.ntm.task.Auth.asAdmin;

/** Problem answers carry platform-http's stable types and codes and never show Java names (issue 10 item 6). */
@QuarkusTest
class ProblemDetailsTest {
    private static final String TYPES = "https://ntm.gov.vn/problems/";
    private static final String RULE = "{\"trigger\":\"INSPECTION\",\"assignee\":\"DISTRICT\",\"titleTemplate\":\"x\","
            + "\"enabled\":false,\"position\":990}";

    @Inject
    InspectionEventBatch inspections;

    private static ValidatableResponse withoutJavaNames(ValidatableResponse response) {
        return response.contentType("application/problem+json")
                .body(not(containsString("java."))).body(not(containsString("vn.ntm")))
                .body(not(containsString("com.fasterxml")));
    }

    private static ValidatableResponse kind(ValidatableResponse response, int status, String slug, String code) {
        return withoutJavaNames(response.statusCode(status)).body("type", equalTo(TYPES + slug))
                .body("code", equalTo(code)).body("status", equalTo(status));
    }

    private String aTask() {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        return asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeCode", "20:GTVT")
                .queryParam("communeCode", "06490").when().get("/tasks").then().statusCode(200)
                .extract().path("items[0].id");
    }

    private static String ruleCode() {
        return "PROBLEM_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void badBodiesNeverShowJavaClassNames() {
        String rule = ruleCode();
        List<String> bodies = List.of(
                RULE.replace("990", "\"soon\""),
                RULE.replace("\"INSPECTION\"", "\"NEVER\""),
                RULE.replace("false", "\"maybe\""),
                RULE.replace("\"x\"", "[\"x\"]"),
                RULE + " {}", "[]", "\"rule\"", "{\"position\": 1e999}");
        for (String body : bodies) {
            withoutJavaNames(asAdmin().contentType(ContentType.JSON).body(body).when().put("/task-rules/" + rule)
                    .then().statusCode(400));
        }
        withoutJavaNames(asAdmin().contentType(ContentType.JSON).body(RULE.replace("990", "\"soon\""))
                .when().put("/task-rules/" + rule).then().statusCode(400))
                .body("errors.pointer", hasItem("/position")).body("errors.message", hasItem("'soon' không phải là một số nguyên"));
        asAdmin().when().get("/task-rules/" + rule).then().statusCode(404);

        String task = aTask();
        withoutJavaNames(asAdmin().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"status\":\"SOMEDAY\"}").when().patch("/tasks/" + task).then().statusCode(400))
                .body("errors.pointer", hasItem("/status"));
        withoutJavaNames(asAdmin().queryParam("dueBefore", "tomorrow").when().get("/tasks").then().statusCode(400));
        withoutJavaNames(asAdmin().queryParam("overdue", "perhaps").when().get("/tasks").then().statusCode(400));
        asAdmin().when().get("/tasks/" + task).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void nulInAnyStringIsRefusedWithItsPointer() {
        String rule = ruleCode();
        kind(asAdmin().contentType(ContentType.JSON).body(RULE.replace("\"x\"", "\"\\u0000\""))
                .when().put("/task-rules/" + rule).then(), 400, "validation", "VALIDATION")
                .body("errors.pointer", hasItem("/titleTemplate"));
        asAdmin().when().get("/task-rules/" + rule).then().statusCode(404);
    }

    @Test
    void everyKindOfRefusalHasItsTypeAndCode() {
        String task = aTask();
        kind(asAdmin().contentType(ContentType.JSON).body("{\"status\":\"IN_PROGRESS\"}").when()
                .patch("/tasks/" + task).then(), 428, "precondition-required", "PRECONDITION_REQUIRED");
        kind(asAdmin().contentType(ContentType.JSON).header("If-Match", "\"7\"").body("{\"status\":\"IN_PROGRESS\"}")
                .when().patch("/tasks/" + task).then(), 412, "stale-version", "STALE_VERSION");
        kind(asAdmin().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\":\"DONE\"}")
                .when().patch("/tasks/" + task).then(), 409, "conflict", "TRANSITION_NOT_ALLOWED");
        kind(asAdmin().when().get("/tasks/" + UUID.randomUUID()).then(), 404, "not-found", "NOT_FOUND");
        kind(given().when().get("/tasks").then(), 401, "unauthenticated", "UNAUTHENTICATED");
        kind(Auth.as(Auth.viewer("20")).contentType(ContentType.JSON).body(RULE).when()
                .put("/task-rules/" + ruleCode()).then(), 403, "forbidden", "FORBIDDEN");
        kind(given().when().get("/admin/outbox/parked").then(), 401, "unauthenticated", "UNAUTHENTICATED");
        kind(asAdmin().body("{\"note\":\"x\"}").when().post("/tasks/" + task + "/notes").then(), 415,
                "unsupported-media-type", "UNSUPPORTED_MEDIA_TYPE");
        kind(asAdmin().when().delete("/tasks").then(), 405, "method-not-allowed", "METHOD_NOT_ALLOWED");
        kind(asAdmin().queryParam("q", "x".repeat(9000)).when().get("/tasks").then(), 414, "uri-too-long",
                "URI_TOO_LONG");
        kind(asAdmin().contentType(ContentType.JSON).body("{\"note\":\"" + "x".repeat(1_100_000) + "\"}")
                .when().post("/tasks/" + task + "/notes").then(), 413, "too-large", "TOO_LARGE");
        kind(asAdmin().contentType(ContentType.JSON).body("{\"note\":").when().post("/tasks/" + task + "/notes")
                .then(), 400, "malformed-request", "MALFORMED_REQUEST");
    }

    @Test
    void problemTypesAndCodesResolveWithoutATokenInVietnameseAndEnglish() {
        given().get("/problems/EVIDENCE_REQUIRED").then().statusCode(200).contentType("application/json")
                .body("code", equalTo("EVIDENCE_REQUIRED")).body("type", equalTo(TYPES + "validation"))
                .body("title", equalTo("Cần minh chứng"));
        given().header("Accept-Language", "en").get("/problems/EVIDENCE_REQUIRED").then().statusCode(200)
                .body("title", equalTo("Evidence required"));
        given().get("/problems/validation").then().statusCode(200).body("codes", hasItem("EVIDENCE_REQUIRED"));
        given().get("/problems/NO_SUCH_CODE").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo(TYPES + "not-found")).body("code", equalTo("NOT_FOUND"));
    }
}
