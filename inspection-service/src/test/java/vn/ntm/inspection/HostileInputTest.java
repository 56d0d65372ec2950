package vn.ntm.inspection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.Db;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Hostile input (issue 7): each case gets a 4xx problem+json naming the field, and nothing is written. */
@QuarkusTest
class HostileInputTest {
    private static final String INJECTION = "' OR '1'='1' --";

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/inspections")
    URI inspections;

    @BeforeEach
    void catalogHasTheSeedSet() {
        CatalogFixture.ensureSeedSet(db);
    }

    private long inspectionsTitled(String title) {
        return Db.count(db, "select count(*) from inspection where title like ?", title + "%");
    }

    private long findingsOf(String id) {
        return Db.count(db, "select count(*) from finding f join inspection_commune c on c.id = f.commune_id"
                + " where c.inspection_id = ?::uuid", id);
    }

    private static void problem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    private static void badField(ValidatableResponse response, String field) {
        problem(response, 400);
        response.body("errors.field", hasItem(field));
    }

    private static String draft(String commune) {
        return Api.json().body(Api.inspectionBody("Hostile " + UUID.randomUUID(), commune, "2023-01-01"))
                .post("/inspections").then().statusCode(201).extract().path("id");
    }

    @Test
    void pageThatWouldOverflowTheOffsetIs400() {
        for (String page : List.of("2147483647", "1000000000", "100001", "-1", "abc")) {
            badField(Api.as(Auth.admin()).queryParam("page", page).get("/inspections").then(), "page");
        }
        badField(Api.as(Auth.admin()).queryParam("size", "0").get("/inspections").then(), "size");
        Api.as(Auth.admin()).queryParam("page", "100000").get("/inspections").then().statusCode(200)
                .body("page", equalTo(100000));
    }

    @Test
    void yearOutsideTwoThousandToTwentyOneHundredIs400() {
        for (String year : List.of("-1", "1999", "2101", "2147483647", "x")) {
            badField(Api.reader().queryParam("year", year).get("/inspections").then(), "year");
        }
        Api.reader().queryParam("year", "2100").get("/inspections").then().statusCode(200);
    }

    @Test
    void codeFiltersAndPathCodesMustBeCodes() {
        badField(Api.as(Auth.admin()).queryParam("province", INJECTION).get("/inspections").then(), "province");
        badField(Api.reader().queryParam("commune", INJECTION).get("/inspections").then(), "commune");
        badField(Api.reader().get("/communes/" + "%27%20OR%201=1" + "/history").then(), "code");
    }

    @Test
    void trailingTokensAfterTheDocumentAre400AndNothingIsWritten() {
        String title = "Trailing " + UUID.randomUUID();
        String body = Api.inspectionBody(title, Api.uniqueCommune(), "2023-01-01");
        for (String garbage : List.of(" {}", "}", " x", "[1]")) {
            problem(Api.json().body(body + garbage).post("/inspections").then(), 400);
        }
        assertThat(inspectionsTitled(title)).isZero();

        String commune = Api.uniqueCommune();
        String id = Api.json().body(Api.inspectionBody("Trailing findings " + UUID.randomUUID(), commune,
                "2023-01-01")).post("/inspections").then().statusCode(201).extract().path("id");
        problem(Api.findings(id).body("[{\"criterion\": 1, \"result\": \"MET\"}] ]")
                .put("/inspections/" + id + "/communes/" + commune + "/findings").then(), 400);
        problem(Api.json().body("{\"assignee\": {\"name\": \"UBND huyện\"}, \"content\": \"Làm\"} {}")
                .post("/inspections/" + id + "/recommendations").then(), 400);
        assertThat(findingsOf(id)).isZero();
        assertThat(Db.count(db, "select count(*) from recommendation where inspection_id = ?::uuid", id)).isZero();
    }

    @Test
    void overlongUtf8Is400AndNothingIsWritten() {
        String title = "Overlong " + UUID.randomUUID();
        byte[] json = Api.inspectionBody(title + " SLASH", Api.uniqueCommune(), "2023-01-01")
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String text = new String(json, StandardCharsets.UTF_8);
        int at = text.indexOf(" SLASH");
        body.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF});
        body.writeBytes(text.substring(at + " SLASH".length()).getBytes(StandardCharsets.UTF_8));

        problem(Api.json().body(body.toByteArray()).post("/inspections").then(), 400);
        assertThat(inspectionsTitled(title)).isZero();
    }

    @Test
    void bodyWithoutContentTypeIs415AndNothingIsWritten() throws Exception {
        String title = "No content type " + UUID.randomUUID();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(inspections)
                .header("Authorization", Auth.inspector("20"))
                .POST(HttpRequest.BodyPublishers.ofString(Api.inspectionBody(title, Api.uniqueCommune(),
                        "2023-01-01")))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":415");
        assertThat(inspectionsTitled(title)).isZero();
    }

    @Test
    void declaredBodyJustAboveTheLimitIs413() {
        String title = "Large " + UUID.randomUUID();
        String body = Api.inspectionBody(title, Api.uniqueCommune(), "2023-01-01")
                .replace("\"participants\"", "\"assessment\": \"" + "a".repeat(1_153_434) + "\", \"participants\"");
        problem(Api.json().body(body).post("/inspections").then(), 413);
        assertThat(inspectionsTitled(title)).isZero();
    }

    @Test
    void codesWithAForeignFormatAre400NamingTheField() {
        String title = "Codes " + UUID.randomUUID();
        String commune = Api.uniqueCommune();
        String body = Api.inspectionBody(title, commune, "2023-01-01");
        badField(Api.json().body(body.replace("{\"code\": \"20\"", "{\"code\": \"" + INJECTION + "\""))
                .post("/inspections").then(), "province.code");
        badField(Api.json().body(body.replace("\"district\": {\"code\": \"", "\"district\": {\"code\": \"<b>"))
                .post("/inspections").then(), "district.code");
        badField(Api.json().body(body.replace("\"" + commune + "\"", "\"" + INJECTION + "\""))
                .post("/inspections").then(), "communes[0].code");
        badField(Api.json().body(body.replace("\"20:LDTBXH\"", "\"20:LĐTBXH\"")).post("/inspections").then(),
                "leadAgency.code");
        badField(Api.json().body(body.replace("XA_NTM_2021_2025", "XA NTM; drop table inspection"))
                .post("/inspections").then(), "communes[0].criteriaSet");
        assertThat(inspectionsTitled(title)).isZero();

        String id = draft(commune);
        badField(Api.json().body("{\"assignee\": {\"type\": \"UBND_XA\", \"code\": \"" + INJECTION
                        + "\", \"name\": \"UBND xã\"}, \"content\": \"Làm\"}")
                .post("/inspections/" + id + "/recommendations").then(), "assignee.code");
        badField(Api.json().body("{\"assignee\": {\"name\": \"UBND xã\"}, \"communeCode\": \"../x\", \"content\": \"Làm\"}")
                .post("/inspections/" + id + "/recommendations").then(), "communeCode");
        badField(Api.findings(id).body("[{\"criterion\": 1, \"result\": \"NOT_MET\", \"responsible\": [{\"type\": \"SO_NGANH\","
                        + " \"code\": \"" + INJECTION + "\", \"name\": \"Sở\"}]}]")
                .put("/inspections/" + id + "/communes/" + commune + "/findings").then(),
                "findings[0].responsible[0].code");
        assertThat(findingsOf(id)).isZero();
        assertThat(Db.count(db, "select count(*) from recommendation where inspection_id = ?::uuid", id)).isZero();
    }

    @Test
    void overlongTextFieldsAre400NamingTheField() {
        String title = "Long " + UUID.randomUUID();
        String commune = Api.uniqueCommune();
        String body = Api.inspectionBody(title, commune, "2023-01-01");
        badField(Api.json().body(body.replace("\"Lạng Sơn\"", "\"" + "L".repeat(501) + "\"")).post("/inspections")
                .then(), "province.name");
        badField(Api.json().body(body.replace("\"code\": \"" + commune + "\", \"name\": \"",
                "\"code\": \"" + commune + "\", \"name\": \"" + "x".repeat(501))).post("/inspections")
                .then(), "communes[0].name");
        badField(Api.json().body(body.replace("\"UBND tỉnh\"", "\"" + "u".repeat(501) + "\"")).post("/inspections")
                .then(), "legalBasis[0].issuer");
        badField(Api.json().body(body.replace("\"Đoàn TNCSHCM tỉnh Lạng Sơn\"", "\"" + "d".repeat(501) + "\""))
                .post("/inspections").then(), "participants[0].name");
        badField(Api.json().body(body.replace("\"participants\"", "\"assessment\": \"" + "a".repeat(20_001)
                + "\", \"participants\"")).post("/inspections").then(), "assessment");
        badField(Api.json().body(body.replace("\"participants\"", "\"statedFigures\": {\"x\": 1e999999999},"
                + " \"participants\"")).post("/inspections").then(), "statedFigures.x");
        badField(Api.json().body(body.replace("\"participants\"", "\"statedFigures\": {\"" + "k".repeat(201)
                + "\": 1}, \"participants\"")).post("/inspections").then(), "statedFigures");
        badField(Api.json().body(body.replace("\"inspectedOn\": \"2023-01-01\"", "\"inspectedOn\": \"+999999999-12-31\""))
                .post("/inspections").then(), "inspectedOn");
        assertThat(inspectionsTitled(title)).isZero();

        String id = draft(commune);
        String path = "/inspections/" + id + "/communes/" + commune + "/findings";
        badField(Api.findings(id).body("[{\"criterion\": 1, \"result\": \"NOT_MET\", \"note\": \"" + "n".repeat(10_001) + "\"}]")
                .put(path).then(), "findings[0].note");
        badField(Api.findings(id).body("[{\"criterion\": 1, \"result\": \"NOT_MET\"}, {\"criterion\": 2, \"result\": \"NOT_MET\","
                + " \"remedy\": \"" + "r".repeat(10_001) + "\"}]").put(path).then(), "findings[1].remedy");
        badField(Api.findings(id).body("[{\"criterion\": 1, \"result\": \"NOT_MET\", \"responsible\": [{\"name\": \""
                + "s".repeat(501) + "\"}]}]").put(path).then(), "findings[0].responsible[0].name");
        badField(Api.findings(id).body("[{\"criterion\": 1, \"result\": \"NOT_MET\", \"deadline\": \"9999-12-31\"}]")
                .put(path).then(), "findings[0].deadline");
        assertThat(findingsOf(id)).isZero();
    }

    @Test
    void freeTextRoundTripsByteForByte() {
        String commune = Api.uniqueCommune();
        String id = draft(commune);
        String note = "Chưa đạt: \"đường\" <script>alert('x')</script> ' OR '1'='1' -- \\ / 🌾 ỹ";
        String body = "[{\"criterion\": 2, \"result\": \"NOT_MET\", \"note\": "
                + "\"Chưa đạt: \\\"đường\\\" <script>alert('x')</script> ' OR '1'='1' -- \\\\ / 🌾 ỹ\","
                + " \"remedy\": \"" + "ệ".repeat(10_000) + "\"}]";
        Api.findings(id).body(body.getBytes(StandardCharsets.UTF_8))
                .put("/inspections/" + id + "/communes/" + commune + "/findings").then().statusCode(200);

        assertThat(Db.string(db, "select f.note from finding f join inspection_commune c on c.id = f.commune_id"
                + " where c.inspection_id = ?::uuid", id)).isEqualTo(note);
        Api.reader().get("/inspections/" + id).then().statusCode(200)
                .body("communes[0].findings.find { it.criterion == 2 }.note", equalTo(note));
    }
}
