package vn.ntm.inspection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.Db;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Text PostgreSQL cannot store (U+0000) or that is not text (an unpaired surrogate) is refused in every field
 * (issue 10 item 6); problem answers carry platform-http's types and codes and never show Java names.
 */
@QuarkusTest
class ProblemDetailsTest {
    private static final String TYPES = "https://ntm.gov.vn/problems/";

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void catalogHasTheSeedSet() {
        CatalogFixture.ensureSeedSet(db);
    }

    private static ValidatableResponse withoutJavaNames(ValidatableResponse response) {
        return response.contentType("application/problem+json")
                .body(not(containsString("java."))).body(not(containsString("vn.ntm")))
                .body(not(containsString("com.fasterxml")));
    }

    private static ValidatableResponse invalidText(ValidatableResponse response, String pointer) {
        return withoutJavaNames(response.statusCode(400)).body("type", equalTo(TYPES + "validation"))
                .body("code", equalTo("VALIDATION")).body("errors.pointer", hasItem(pointer))
                .body("errors.message", hasItem("không được chứa U+0000 hoặc surrogate không ghép cặp"));
    }

    private long inspectionsTitled(String title) {
        return Db.count(db, "select count(*) from inspection where title like ?", title + "%");
    }

    @Test
    void nulAndLoneSurrogatesAreRefusedInEveryTextAndNothingIsWritten() {
        String title = "NUL " + UUID.randomUUID();
        String body = Api.inspectionBody(title, Api.uniqueCommune(), "2023-01-01");
        invalidText(Api.json().body(body.replace(title, title + "\\u0000")).post("/inspections").then(), "/title");
        invalidText(Api.json().body(body.replace("Đoàn TNCSHCM", "Đoàn \\ud800")).post("/inspections").then(),
                "/participants/0/name");
        invalidText(Api.json().body(body.replaceFirst("(\"communes\": \\[\\{\"code\": \"[^\"]*\", \"name\": \")",
                "$1\\\\udc00")).post("/inspections").then(), "/communes/0/name");
        invalidText(Api.json().body(body.replace("Kế hoạch", "\\udc00")).post("/inspections").then(),
                "/legalBasis/0/title");
        assertThat(inspectionsTitled(title)).isZero();

        String commune = Api.uniqueCommune();
        String id = Api.json().body(Api.inspectionBody("NUL findings " + UUID.randomUUID(), commune, "2023-01-01"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        invalidText(Api.json().body("[{\"criterion\": 1, \"result\": \"MET\", \"note\": \"a\\u0000b\"}]")
                .put("/inspections/" + id + "/communes/" + commune + "/findings").then(), "/0/note");
        invalidText(Api.json().body("{\"assignee\": {\"type\": \"UBND_HUYEN\", \"code\": \"187\", \"name\": \"UBND\"},"
                        + " \"content\": \"Làm \\ud83c\"}")
                .post("/inspections/" + id + "/recommendations").then(), "/content");
        assertThat(Db.count(db, "select count(*) from finding f join inspection_commune c on c.id = f.commune_id"
                + " where c.inspection_id = ?::uuid", id)).isZero();
        assertThat(Db.count(db, "select count(*) from recommendation where inspection_id = ?::uuid", id)).isZero();
    }

    @Test
    void badBodiesNeverShowJavaClassNames() {
        String title = "Java names " + UUID.randomUUID();
        String body = Api.inspectionBody(title, Api.uniqueCommune(), "2023-01-01");
        List<String> bodies = List.of(
                body.replace("\"2023-01-01\"", "\"01/01/2023\""),
                body.replace("\"2023-01-01\"", "20230101"),
                body.replace("\"targetTier\": \"NTM\"", "\"targetTier\": \"GOLD\""),
                body.replace("\"targetYear\": 2024", "\"targetYear\": \"soon\""),
                body.replace("\"communes\": [", "\"communes\": {\"x\": [").replace("2024}]}", "2024}]}}"),
                body.replace("\"participants\": [{\"name\": \"Đoàn TNCSHCM tỉnh Lạng Sơn\"}]", "\"participants\": 7"),
                body.replace("\"province\": {", "\"province\": [{").replace("\"Lạng Sơn\"}", "\"Lạng Sơn\"}]"),
                body + " {}", "[]", "\"x\"", "{\"title\": 1e999}");
        for (String bad : bodies) {
            withoutJavaNames(Api.json().body(bad).post("/inspections").then().statusCode(400));
        }
        withoutJavaNames(Api.json().body(body.replace("\"2023-01-01\"", "\"01/01/2023\"")).post("/inspections")
                .then().statusCode(400)).body("errors.pointer", hasItem("/inspectedOn"))
                .body("errors.message", hasItem("'01/01/2023' không phải là một ngày (YYYY-MM-DD)"));
        assertThat(inspectionsTitled(title)).isZero();
    }

    @Test
    void everyKindOfRefusalHasItsTypeAndCode() {
        Api.reader().get("/inspections/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo(TYPES + "not-found")).body("code", equalTo("NOT_FOUND"));
        Api.as(null).get("/inspections").then().statusCode(401)
                .body("type", equalTo(TYPES + "unauthenticated")).body("code", equalTo("UNAUTHENTICATED"));
        Api.json(Auth.viewer("20")).body(Api.inspectionBody("x", Api.uniqueCommune(), "2023-01-01"))
                .post("/inspections").then().statusCode(403)
                .body("type", equalTo(TYPES + "forbidden")).body("code", equalTo("FORBIDDEN"));
        Api.as(null).get("/admin/outbox/parked").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
        Api.json().body(Api.inspectionBody("x", Api.uniqueCommune(), "2023-01-01").replaceFirst("\"title\"",
                "\"colour\": \"red\", \"title\"")).post("/inspections").then().statusCode(400)
                .body("code", equalTo("VALIDATION")).body("errors.pointer", hasItem("/colour"));
    }

    @Test
    void problemTypesAndCodesResolveWithoutATokenInVietnameseAndEnglish() {
        given().get("/problems/INSPECTION_FINALIZED").then().statusCode(200).contentType("application/json")
                .body("code", equalTo("INSPECTION_FINALIZED")).body("type", equalTo(TYPES + "conflict"))
                .body("title", equalTo("Biên bản đã hoàn tất"));
        given().header("Accept-Language", "en").get("/problems/INSPECTION_FINALIZED").then().statusCode(200)
                .body("title", equalTo("Inspection finalized"));
        given().get("/problems/conflict").then().statusCode(200).body("codes", hasItem("INSPECTION_FINALIZED"));
        given().get("/problems/NO_SUCH_CODE").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo(TYPES + "not-found")).body("code", equalTo("NOT_FOUND"));
    }
}
