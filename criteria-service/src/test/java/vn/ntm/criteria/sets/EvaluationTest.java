package vn.ntm.criteria.sets;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.ntm.criteria.SetFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static vn.ntm.criteria.SetFixtures.createDraft;
import static vn.ntm.criteria.SetFixtures.post;
import static vn.ntm.criteria.SetFixtures.uniqueCode;

@QuarkusTest
class EvaluationTest {

    /** A published set whose thresholds were added through the API: 2.1 is 50 % in region 1, 80 % elsewhere. */
    private static String publishedSetWithThresholds() {
        String code = uniqueCode("EVAL");
        createDraft(code);
        String thresholds = "/criteria-sets/" + code + "/criteria/2/indicators/";
        post(thresholds + "2.1/thresholds", "{\"region\": 1, \"kind\": \"PERCENT_MIN\", \"value\": 50}")
                .statusCode(201).body("thresholds[0].value", equalTo(50));
        post(thresholds + "2.1/thresholds", "{\"kind\": \"PERCENT_MIN\", \"value\": 80}").statusCode(201)
                .body("thresholds.size()", equalTo(2));
        post(thresholds + "2.2/thresholds", "{\"kind\": \"PASS_FAIL\"}").statusCode(201);
        post("/criteria-sets/" + code + "/criteria/3/indicators/3.1/thresholds", "{\"kind\": \"ABSENT\"}")
                .statusCode(201);
        post("/criteria-sets/" + code + "/publish", "").statusCode(200)
                .body("criteria[1].indicators[0].thresholds.region", equalTo(java.util.Arrays.asList(1, null)));
        return code;
    }

    private static JsonPath evaluate(String code, String body) {
        return SetFixtures.evaluate(code, body).statusCode(200).extract().jsonPath();
    }

    @Test
    void judgesEachIndicatorAndCountsCriteriaMet() {
        String code = publishedSetWithThresholds();

        JsonPath result = evaluate(code, """
                {"region": 2, "year": 2022, "values": {"2.1": 85.5, "2.2": true, "3.1": true}}""");

        assertThat(result.getList("criteria.result", String.class)).containsExactly("UNKNOWN", "MET", "NOT_MET");
        assertThat(result.getList("criteria[1].indicators.result", String.class)).containsExactly("MET", "MET");
        assertThat(result.getInt("met")).isEqualTo(1);
        assertThat(result.getInt("notMet")).isEqualTo(1);
        assertThat(result.getInt("total")).isEqualTo(3);
        assertThat(result.getInt("effectiveRegion")).isEqualTo(2);
    }

    @Test
    void especiallyDisadvantagedAndSafeZoneCommunesUseRegionOneThresholds() {
        String code = publishedSetWithThresholds();
        String values = "\"year\": 2022, \"values\": {\"2.1\": 60, \"2.2\": true}";

        assertThat(evaluate(code, "{\"region\": 5, " + values + "}").getString("criteria[1].result"))
                .isEqualTo("NOT_MET");
        JsonPath disadvantaged = evaluate(code, "{\"region\": 5, \"especiallyDisadvantaged\": true, " + values + "}");
        assertThat(disadvantaged.getString("criteria[1].result")).isEqualTo("MET");
        assertThat(disadvantaged.getInt("effectiveRegion")).isEqualTo(1);
        assertThat(disadvantaged.getInt("criteria[1].indicators[0].threshold.region")).isEqualTo(1);
        assertThat(evaluate(code, "{\"region\": 5, \"safeZone\": true, " + values + "}")
                .getString("criteria[1].result")).isEqualTo("MET");
        assertThat(evaluate(code, "{\"region\": 1, " + values + "}").getBoolean("criteria[1].met")).isTrue();
    }

    @Test
    void indicatorsWithoutValueAreUnknown() {
        String code = publishedSetWithThresholds();

        JsonPath result = evaluate(code, "{\"region\": 1, \"year\": 2023, \"values\": {\"2.1\": 90}}");

        assertThat(result.getList("criteria[1].indicators.result", String.class)).containsExactly("MET", "UNKNOWN");
        assertThat(result.getString("criteria[1].result")).isEqualTo("UNKNOWN");
        assertThat(result.getInt("met")).isZero();
    }

    @Test
    void rejectsBadEvaluationInput() {
        String code = publishedSetWithThresholds();

        SetFixtures.evaluate(code, "{\"region\": 9, \"values\": {}}").statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("region", "year"));
        SetFixtures.evaluate(code,
                "{\"region\": 2, \"year\": 2022, \"values\": {\"2.1\": \"nhiều\", \"99.1\": 1}}").statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItems("values.2.1", "values.99.1"));
        SetFixtures.evaluate("NO_SUCH_SET", "{\"region\": 2, \"year\": 2022}").statusCode(404)
                .contentType("application/problem+json");
    }
}
