package vn.ntm.criteria;

import io.restassured.response.ValidatableResponse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Draft set documents for API tests, each under a fresh code so tests never share data. */
public final class SetFixtures {
    private SetFixtures() {
    }

    public static String uniqueCode(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    /** A small valid set: 3 criteria in 2 groups, indicators 2.1 (percent ≥), 2.2 (pass/fail) and 3.1 (absent). */
    public static String validDraft(String code) {
        return """
                {"code": "%s", "name": "Bộ tiêu chí thử nghiệm xã nông thôn mới", "level": "COMMUNE", "tier": "NTM",
                 "periodFrom": 2021, "periodTo": 2025, "legalBasis": "Quyết định thử nghiệm",
                 "groups": [{"code": "I", "name": "Quy hoạch", "order": 1},
                            {"code": "II", "name": "Hạ tầng kinh tế – xã hội", "order": 2}],
                 "criteria": [
                   {"number": 1, "code": "1", "name": "Quy hoạch", "group": "I", "sectors": ["XD"]},
                   {"number": 2, "code": "2", "name": "Giao thông", "englishName": "Transport", "group": "II",
                    "sectors": ["GTVT"],
                    "indicators": [{"code": "2.1", "name": "Tỷ lệ đường xã được nhựa hóa", "sectors": []},
                                   {"code": "2.2", "name": "Đường thôn sạch và đáp ứng yêu cầu đi lại"}]},
                   {"number": 3, "code": "3", "name": "Môi trường và an toàn thực phẩm", "group": "II",
                    "sectors": ["TNMT", "YT", "NNPTNT", "CT"],
                    "indicators": [{"code": "3.1", "name": "Vụ ngộ độc thực phẩm", "sectors": ["YT"]}]}
                 ]}
                """.formatted(code);
    }

    /** A write as an admin (catalog writes need the {@code admin} role). */
    public static ValidatableResponse post(String path, String json) {
        return given().header("Authorization", AuthFixture.admin()).contentType("application/json")
                .body(json.getBytes(StandardCharsets.UTF_8)).when().post(path).then();
    }

    /** A write as an admin. */
    public static ValidatableResponse put(String path, String json) {
        return given().header("Authorization", AuthFixture.admin()).contentType("application/json")
                .body(json.getBytes(StandardCharsets.UTF_8)).when().put(path).then();
    }

    /** An evaluation without any token: evaluating is public. */
    public static ValidatableResponse evaluate(String code, String json) {
        return given().contentType("application/json").body(json.getBytes(StandardCharsets.UTF_8))
                .when().post("/criteria-sets/" + code + "/evaluate").then();
    }

    public static ValidatableResponse createDraft(String code) {
        return post("/criteria-sets", validDraft(code)).statusCode(201);
    }
}
