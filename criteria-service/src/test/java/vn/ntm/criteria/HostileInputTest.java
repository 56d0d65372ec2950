package vn.ntm.criteria;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.ntm.criteria.SetFixtures.createDraft;
import static vn.ntm.criteria.SetFixtures.post;
import static vn.ntm.criteria.SetFixtures.put;
import static vn.ntm.criteria.SetFixtures.uniqueCode;
import static vn.ntm.criteria.SetFixtures.validDraft;

/** The findings of the hostile-input system test: each is a 4xx problem+json and writes nothing. */
@QuarkusTest
class HostileInputTest {
    private static final String INJECTION = "' OR '1'='1' --";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URI base;

    @Test
    void trailingGarbageAfterTheDocumentIsRejectedAndNothingIsWritten() {
        String code = uniqueCode("TRAIL");
        post("/criteria-sets", validDraft(code) + " {\"code\": \"X\"}").statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
        post("/criteria-sets", validDraft(code) + "garbage").statusCode(400).contentType("application/problem+json");
        given().get("/criteria-sets/" + code).then().statusCode(404);

        createDraft(code);
        String before = export(code);
        put("/criteria-sets/" + code, validDraft(code).replace("Quy hoạch", "Đổi") + "]").statusCode(400)
                .contentType("application/problem+json");
        assertThat(export(code)).isEqualTo(before);
        SetFixtures.evaluate("XA_NTM_2021_2025", "{\"region\": 1, \"year\": 2024} []").statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void overlongUtf8IsRejectedInsteadOfBeingStoredAsASlash() {
        String code = uniqueCode("UTF");
        String[] halves = validDraft(code).split("Bộ tiêu chí thử nghiệm xã nông thôn mới");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(halves[0].getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[]{'a', (byte) 0xC0, (byte) 0xAF, 'b'});
        body.writeBytes(halves[1].getBytes(StandardCharsets.UTF_8));

        given().header("Authorization", AuthFixture.admin()).contentType("application/json")
                .body(body.toByteArray()).post("/criteria-sets")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        given().get("/criteria-sets/" + code).then().statusCode(404);
    }

    @Test
    void aBodyWithoutContentTypeGets415AndIsNotReadAsJson() throws Exception {
        String code = uniqueCode("NOCT");
        HttpResponse<String> create = send(HttpRequest.newBuilder(base.resolve("/criteria-sets"))
                .header("Authorization", AuthFixture.admin())
                .POST(HttpRequest.BodyPublishers.ofString(validDraft(code))));
        assertProblem(create, 415);
        given().get("/criteria-sets/" + code).then().statusCode(404);

        HttpResponse<String> evaluate = send(HttpRequest.newBuilder(base.resolve("/criteria-sets/XA_NTM_2021_2025/evaluate"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"region\": 1, \"year\": 2024}")));
        assertProblem(evaluate, 415);

        HttpResponse<String> chunked = send(HttpRequest.newBuilder(base.resolve("/criteria-sets"))
                .header("Authorization", AuthFixture.admin())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        validDraft(code).getBytes(StandardCharsets.UTF_8)))));
        assertProblem(chunked, 415);
        given().get("/criteria-sets/" + code).then().statusCode(404);
    }

    @Test
    void publishAndRetireNeedNoContentTypeWithoutABody() throws Exception {
        String code = uniqueCode("NOBODY");
        createDraft(code);
        // a stream of unknown length is sent chunked: an empty chunked body is still no body
        HttpResponse<String> publish = send(HttpRequest.newBuilder(base.resolve("/criteria-sets/" + code + "/publish"))
                .header("Authorization", AuthFixture.admin())
                .POST(HttpRequest.BodyPublishers.ofInputStream(java.io.InputStream::nullInputStream)));
        assertThat(publish.statusCode()).as(publish.body()).isEqualTo(200);
        assertThat(JsonPath.from(publish.body()).getString("status")).isEqualTo("PUBLISHED");

        HttpResponse<String> retire = send(HttpRequest.newBuilder(base.resolve("/criteria-sets/" + code + "/retire"))
                .header("Authorization", AuthFixture.admin()).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(retire.statusCode()).as(retire.body()).isEqualTo(200);
        given().get("/criteria-sets/" + code).then().statusCode(200).body("status", equalTo("RETIRED"));
    }

    @Test
    void aDeclaredBodyJustOverTheLimitGets413Problem() {
        String code = uniqueCode("HUGE");
        String padded = validDraft(code).replace("Quyết định thử nghiệm", "x".repeat(1_150_000));
        post("/criteria-sets", padded).statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
        given().get("/criteria-sets/" + code).then().statusCode(404);
    }

    @Test
    void everyTextFieldHasAMaximumLength() {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("name", new String[]{"\"name\": \"Bộ tiêu chí thử nghiệm xã nông thôn mới\"", "\"name\": \"" + "ă".repeat(501) + "\""});
        cases.put("legalBasis", new String[]{"Quyết định thử nghiệm", "q".repeat(1001)});
        cases.put("groups[0].name", new String[]{"\"name\": \"Quy hoạch\", \"order\"", "\"name\": \"" + "g".repeat(501) + "\", \"order\""});
        cases.put("criteria[0].name", new String[]{"\"name\": \"Quy hoạch\", \"group\"", "\"name\": \"" + "c".repeat(501) + "\", \"group\""});
        cases.put("criteria[1].englishName", new String[]{"Transport", "e".repeat(501)});
        cases.put("criteria[1].indicators[0].name", new String[]{"Tỷ lệ đường xã được nhựa hóa", "i".repeat(1001)});
        cases.put("groups[0].code", new String[]{"{\"code\": \"I\"", "{\"code\": \"" + "I".repeat(41) + "\""});
        cases.put("criteria[0].code", new String[]{"\"code\": \"1\"", "\"code\": \"" + "1".repeat(41) + "\""});
        cases.put("criteria[1].indicators[0].code", new String[]{"\"2.1\"", "\"" + "2".repeat(41) + "\""});
        cases.put("criteria[0].sectors[0]", new String[]{"[\"XD\"]", "[\"" + "X".repeat(41) + "\"]"});
        cases.put("provinceCode", new String[]{"\"periodFrom\"", "\"provinceCode\": \"" + "2".repeat(41) + "\", \"periodFrom\""});
        cases.put("baseSet", new String[]{"\"periodFrom\"", "\"baseSet\": \"" + "B".repeat(65) + "\", \"periodFrom\""});
        cases.put("criteria[1].indicators[0].thresholds[0].unit", new String[]{"\"sectors\": []}",
                "\"sectors\": [], \"thresholds\": [{\"kind\": \"VALUE_MIN\", \"value\": 1, \"unit\": \"" + "u".repeat(101) + "\"}]}"});
        cases.put("criteria[1].indicators[0].thresholds[0].kind", new String[]{"\"sectors\": []}",
                "\"sectors\": [], \"thresholds\": [{\"kind\": \"" + "K".repeat(41) + "\"}]}"});
        cases.put("criteria[1].indicators[0].thresholds[0].value", new String[]{"\"sectors\": []}",
                "\"sectors\": [], \"thresholds\": [{\"kind\": \"VALUE_MIN\", \"value\": 1e999999, \"unit\": \"ha\"}]}"});
        assertRejectedOnCreateAndEdit(cases);
    }

    @Test
    void codeFieldsMustHaveACodeFormatAtDraftTime() {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("provinceCode", new String[]{"\"periodFrom\"", "\"provinceCode\": \"" + INJECTION + "\", \"periodFrom\""});
        cases.put("baseSet", new String[]{"\"periodFrom\"", "\"baseSet\": \"" + INJECTION + "\", \"periodFrom\""});
        cases.put("groups[1].code", new String[]{"{\"code\": \"II\"", "{\"code\": \"" + INJECTION + "\""});
        cases.put("criteria[2].code", new String[]{"\"code\": \"3\"", "\"code\": \"" + INJECTION + "\""});
        cases.put("criteria[1].group", new String[]{"\"Transport\", \"group\": \"II\"",
                "\"Transport\", \"group\": \"" + INJECTION + "\""});
        cases.put("criteria[1].sectors[0]", new String[]{"[\"GTVT\"]", "[\"" + INJECTION + "\"]"});
        cases.put("criteria[2].indicators[0].sectors[0]", new String[]{"[\"YT\"]", "[\"<script>\"]"});
        cases.put("criteria[2].indicators[0].code", new String[]{"\"3.1\"", "\"3.1; drop table criterion\""});
        assertRejectedOnCreateAndEdit(cases);
    }

    @Test
    void freeTextStillAcceptsAnyTextByteForByte() {
        String code = uniqueCode("FREE");
        String text = "Tiêu chí \"đặc biệt\" <script>alert('x')</script> " + INJECTION + " – Đường ở Lạng Sơn";
        String escaped = text.replace("\"", "\\\"");
        createDraft(code);
        put("/criteria-sets/" + code, validDraft(code).replace("Bộ tiêu chí thử nghiệm xã nông thôn mới", escaped)
                .replace("\"periodFrom\"", "\"provinceCode\": \"20\", \"baseSet\": \"XA_NTM_2021_2025\", \"periodFrom\""))
                .statusCode(200);
        JsonPath set = given().get("/criteria-sets/" + code).then().statusCode(200).extract().jsonPath();
        assertThat(set.getString("name")).isEqualTo(text);
        assertThat(set.getString("provinceCode")).isEqualTo("20");
        assertThat(set.getString("baseSet")).isEqualTo("XA_NTM_2021_2025");
    }

    @Test
    void evaluationRefusesValuesThatAreNeitherBooleanNorNumber() {
        String set = "XA_NTM_2021_2025";
        for (String value : new String[]{"\"not-a-boolean\"", "{}", "[]", "\"" + "a".repeat(1_000_000) + "\"", "1e400"}) {
            SetFixtures.evaluate(set, "{\"region\": 1, \"year\": 2024, \"values\": {\"17.8\": " + value + "}}")
                    .statusCode(422).contentType("application/problem+json")
                    .body("errors.field", hasItem("values.17.8"));
        }
        SetFixtures.evaluate(set, "{\"region\": 1, \"year\": 2024, \"values\": {\"" + "9".repeat(5000) + "\": 1}}")
                .statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("values"));
        SetFixtures.evaluate(set, "{\"region\": 1, \"year\": 2024, \"values\": {\"17.8\": true, \"19.1\": 3}}")
                .statusCode(200);
    }

    @Test
    void addedThresholdsAndSearchTextAreBounded() {
        String code = uniqueCode("THRLEN");
        createDraft(code);
        String before = export(code);
        post("/criteria-sets/" + code + "/criteria/2/indicators/2.1/thresholds",
                "{\"kind\": \"VALUE_MIN\", \"value\": 5, \"unit\": \"" + "m".repeat(101) + "\"}")
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("unit"));
        assertThat(export(code)).isEqualTo(before);
        given().queryParam("q", "giao".repeat(51)).get("/criteria").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("q"));
    }

    /** Each case: {text to replace in the valid draft, replacement}; the key is the field the problem must name. */
    private void assertRejectedOnCreateAndEdit(Map<String, String[]> cases) {
        String existing = uniqueCode("EDIT");
        createDraft(existing);
        String before = export(existing);
        cases.forEach((field, replace) -> {
            String code = uniqueCode("HOSTILE");
            String draft = validDraft(code);
            assertThat(draft).as(field).contains(replace[0]);
            post("/criteria-sets", draft.replace(replace[0], replace[1])).statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(field));
            given().get("/criteria-sets/" + code).then().statusCode(404);
            put("/criteria-sets/" + existing, validDraft(existing).replace(replace[0], replace[1])).statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(field));
        });
        assertThat(export(existing)).isEqualTo(before);
    }

    private static String export(String code) {
        return given().get("/criteria-sets/" + code + "/export").then().statusCode(200).extract().asString();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.from(response.body()).getInt("status")).isEqualTo(status);
    }
}
