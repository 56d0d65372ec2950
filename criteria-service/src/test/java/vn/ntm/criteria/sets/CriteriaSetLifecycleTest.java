package vn.ntm.criteria.sets;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.ntm.criteria.AuthFixture;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static vn.ntm.criteria.SetFixtures.createDraft;
import static vn.ntm.criteria.SetFixtures.post;
import static vn.ntm.criteria.SetFixtures.put;
import static vn.ntm.criteria.SetFixtures.uniqueCode;
import static vn.ntm.criteria.SetFixtures.validDraft;

@QuarkusTest
class CriteriaSetLifecycleTest {

    @Test
    void vietnameseTextRoundTripsByteForByte() {
        String code = uniqueCode("VI");
        String precomposed = "Thượng Cường – Đường giao thông nông thôn ở Lạng Sơn";
        String decomposed = Normalizer.normalize("Xã Chi Lăng: Cơ sở vật chất văn hóa", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(Normalizer.normalize(decomposed, Normalizer.Form.NFC));
        String json = validDraft(code).replace("Bộ tiêu chí thử nghiệm xã nông thôn mới", precomposed)
                .replace("\"name\": \"Quy hoạch\", \"group\"", "\"name\": \"" + decomposed + "\", \"group\"");
        createDraft(code);
        put("/criteria-sets/" + code, json).statusCode(200);

        byte[] body = given().get("/criteria-sets/" + code).then().statusCode(200)
                .contentType(containsString("application/json")).extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);

        assertThat(text).contains("\"name\":\"" + precomposed + "\"");
        assertThat(text).contains("\"name\":\"" + decomposed + "\"");
        assertThat(indexOf(body, precomposed.getBytes(StandardCharsets.UTF_8))).isPositive();
        assertThat(indexOf(body, decomposed.getBytes(StandardCharsets.UTF_8))).isPositive();
    }

    @Test
    void publishedSetNeverChanges() {
        String code = uniqueCode("IMM");
        createDraft(code).body("status", equalTo("DRAFT"));
        put("/criteria-sets/" + code, validDraft(code).replace("Giao thông", "Giao thông nông thôn")).statusCode(200)
                .body("criteria[1].name", equalTo("Giao thông nông thôn"));

        post("/criteria-sets/" + code + "/publish", "").statusCode(200).body("status", equalTo("PUBLISHED"));

        put("/criteria-sets/" + code, validDraft(code)).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("đang ở trạng thái “đã ban hành”")).body("code", equalTo("CRITERIA_SET_FROZEN"));
        post("/criteria-sets/" + code + "/publish", "").statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("CRITERIA_SET_FROZEN"));
        post("/criteria-sets/" + code + "/criteria/2/indicators/2.1/thresholds",
                "{\"kind\":\"PASS_FAIL\"}").statusCode(409).contentType("application/problem+json");
        post("/criteria-sets", validDraft(code)).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://ntm.gov.vn/problems/conflict"))
                .body("code", equalTo("DUPLICATE_CRITERIA_SET"));
        given().get("/criteria-sets/" + code).then().statusCode(200)
                .body("criteria[1].name", equalTo("Giao thông nông thôn"))
                .body("criteria[1].indicators[0].thresholds.size()", equalTo(0));

        post("/criteria-sets/" + code + "/retire", "").statusCode(200).body("status", equalTo("RETIRED"));
        post("/criteria-sets/" + code + "/retire", "").statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aDraftCannotBeRetired() {
        String code = uniqueCode("RET");
        createDraft(code);
        post("/criteria-sets/" + code + "/retire", "").statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("CRITERIA_SET_NOT_PUBLISHED"));
    }

    @Test
    void publishingReportsEveryViolationWithItsJsonPath() {
        String code = uniqueCode("BAD");
        String broken = """
                {"code": "%s", "name": "Bộ lỗi", "level": "COMMUNE", "tier": "NTM", "periodFrom": 2021, "periodTo": 2025,
                 "groups": [{"code": "I", "name": "Quy hoạch"}],
                 "criteria": [
                   {"number": 1, "code": "1", "name": "Quy hoạch", "group": "I", "sectors": ["XD"]},
                   {"number": 3, "code": "1", "name": "Giao thông", "group": "I", "sectors": []},
                   {"number": 4, "code": "4", "name": "Điện", "group": "I", "sectors": ["DIEN"],
                    "indicators": [{"code": "4.1", "name": "Điện an toàn",
                                    "thresholds": [{"region": 8, "kind": "PASS_FAIL"},
                                                   {"region": 1, "kind": "MAYBE"}]}]}
                 ]}
                """.formatted(code);
        post("/criteria-sets", broken).statusCode(201);

        post("/criteria-sets/" + code + "/publish", "").statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422)).body("code", equalTo("PUBLISH_RULES_BROKEN"))
                .body("detail", containsString("vi phạm 7 quy tắc"));
        JsonPath problem = post("/criteria-sets/" + code + "/publish", "").statusCode(422).extract().jsonPath();
        assertThat(problem.getList("errors.field", String.class)).containsExactlyInAnyOrder("criteria",
                "criteria[2].number", "criteria[1].code", "criteria[1].sectors", "criteria[2].sectors[0]",
                "criteria[2].indicators[0].thresholds[0].region", "criteria[2].indicators[0].thresholds[1].kind");
        given().get("/criteria-sets/" + code).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void malformedDocumentsAreRejectedWithFieldPaths() {
        String code = uniqueCode("VAL");
        post("/criteria-sets", validDraft(code).replace("\"name\": \"Bộ tiêu chí thử nghiệm xã nông thôn mới\"",
                "\"name\": \"\"").replace("\"name\": \"Giao thông\"", "\"name\": \" \"")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("name", "criteria[1].name"));
        post("/criteria-sets", validDraft(code).replace("\"COMMUNE\"", "\"VILLAGE\"")).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("level"));
        post("/criteria-sets", validDraft(code).replace("\"periodFrom\": 2021", "\"periodFrom\": \"soon\""))
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("periodFrom"));
        post("/criteria-sets", "{\"code\": \"" + code + "\", \"name\": ").statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", AuthFixture.admin()).contentType("text/plain").body("hello")
                .post("/criteria-sets").then().statusCode(415)
                .contentType("application/problem+json");
        given().header("Authorization", AuthFixture.admin()).delete("/criteria-sets/XA_NTM_2021_2025").then()
                .statusCode(405)
                .contentType("application/problem+json");
        given().get("/criteria-sets/" + code).then().statusCode(404);
        createDraft(code);
        put("/criteria-sets/" + code, validDraft("OTHER_CODE")).statusCode(400).body("errors[0].field", equalTo("code"));
        post("/criteria-sets/" + code + "/criteria/2/indicators/2.1/thresholds",
                "{\"region\": 0, \"kind\": \"VALUE_MIN\"}").statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("region", "value", "unit")).body("code", equalTo("THRESHOLD_INVALID"));
        post("/criteria-sets/" + code + "/criteria/2/indicators/9.9/thresholds",
                "{\"kind\": \"PASS_FAIL\"}").statusCode(404).contentType("application/problem+json");
    }

    @Test
    void exportedSetImportsBackUnchanged() {
        String exported = new String(given().get("/criteria-sets/XA_NTM_2021_2025/export").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        String copy = uniqueCode("COPY");

        post("/criteria-sets", exported.replace("\"XA_NTM_2021_2025\"", "\"" + copy + "\"")).statusCode(201)
                .body("status", equalTo("DRAFT"));
        String reExported = new String(given().get("/criteria-sets/" + copy + "/export").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);

        assertThat(reExported).isEqualTo(exported.replace("\"XA_NTM_2021_2025\"", "\"" + copy + "\""));
        post("/criteria-sets/" + copy + "/publish", "").statusCode(200);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
