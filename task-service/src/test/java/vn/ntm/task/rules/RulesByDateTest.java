package vn.ntm.task.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.EventTypes;
import vn.ntm.task.Fixtures;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static vn.ntm.task.Auth.asAdmin;

/**
 * Rules by date, through the real broker and database: the rows valid on an inspection's date decide its work; from
 * 2025-07-01 nothing goes to a district (V25), and a province dates its own rule changes through the rules API.
 */
@QuarkusTest
class RulesByDateTest {

    @Test
    void anInspectionOfAugust2025GivesNoDistrictWorkAndTheTwoTierWorkInstead() {
        String commune = freshCommune();
        UUID id = UUID.randomUUID();
        ObjectNode event = Fixtures.oneCommuneInspection(id, "2025-08-15", commune, null,
                Map.of(2, "NOT_MET", 17, "NOT_MET", 1, "MET"));
        event.putNull("district");
        ((ObjectNode) event.get("communes").get(0)).put("targetYear", 2025);
        publish(id, event);

        // commune ×2, lead department ×2, coordination office directing ×2, maintain, dossier, coordination
        List<Map<String, Object>> items = Fixtures.awaitTasks(id, 9).getList("items");
        assertThat(items).hasSize(9);
        assertThat(items).noneMatch(t -> "UBND_HUYEN".equals(type(t, "assignee"))
                || "UBND_HUYEN".equals(type(t, "originalAssignee")));
        assertThat(items).filteredOn(t -> t.get("ruleCode").equals("NOT_MET_DISTRICT")).hasSize(2).allSatisfy(t -> {
            assertThat(org(t, "assignee")).isEqualTo("VP_DIEU_PHOI 20");
            assertThat((String) t.get("title")).startsWith("Chỉ đạo, đôn đốc xã Thử " + commune + " hoàn thành tiêu chí số");
        });
        assertThat(items).filteredOn(t -> t.get("ruleCode").equals("TARGET_YEAR_DOSSIER")).singleElement()
                .satisfies(t -> {
                    assertThat(org(t, "assignee")).isEqualTo("UBND_XA " + commune);
                    assertThat(t.get("title")).isEqualTo("Hoàn thiện hồ sơ đề nghị công nhận xã Thử " + commune
                            + " đạt chuẩn nông thôn mới năm 2025");
                    assertThat(t.get("dueDate")).isEqualTo("2025-12-31");
                });
    }

    @Test
    void anInspectionOf2022StillGivesTheDistrictItsWork() {
        String commune = freshCommune();
        UUID id = UUID.randomUUID();
        publish(id, Fixtures.oneCommuneInspection(id, "2022-07-20", commune, null, Map.of(2, "NOT_MET", 1, "MET")));

        // commune, lead department, district directing, maintain, the district's dossier, coordination
        List<Map<String, Object>> items = Fixtures.awaitTasks(id, 6).getList("items");
        assertThat(items).hasSize(6);
        // the district as the inspection named it (a register copy that ended district 187 may have created the
        // work for its successor already: originalAssignee keeps the district)
        assertThat(items).filteredOn(t -> t.get("ruleCode").equals("NOT_MET_DISTRICT")
                        || t.get("ruleCode").equals("TARGET_YEAR_DOSSIER"))
                .hasSize(2).allSatisfy(t -> assertThat(org(t, "originalAssignee")).isEqualTo("UBND_HUYEN 187"));
    }

    @Test
    void aRuleDatedThroughTheApiAppliesToInspectionsFromThatDate() {
        String code = "TEST_DATED_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        asAdmin().contentType(ContentType.JSON).body(rule("Kế hoạch cũ tại {scope}", null, "2030-12-31", true))
                .when().put("/task-rules/" + code).then().statusCode(200).header("ETag", "\"0\"")
                .body("validFrom", nullValue()).body("validTo", equalTo("2030-12-31"));
        asAdmin().contentType(ContentType.JSON).body(rule("Kế hoạch mới tại {scope}", "2031-01-01", null, true))
                .when().put("/task-rules/" + code).then().statusCode(200).header("ETag", "\"0\"")
                .body("validFrom", equalTo("2031-01-01")).body("validTo", nullValue());
        try {
            asAdmin().queryParam("on", "2030-06-01").when().get("/task-rules/" + code).then().statusCode(200)
                    .body("titleTemplate", equalTo("Kế hoạch cũ tại {scope}"));
            asAdmin().queryParam("on", "2031-02-01").when().get("/task-rules/" + code).then().statusCode(200)
                    .body("titleTemplate", equalTo("Kế hoạch mới tại {scope}"));
            asAdmin().queryParam("on", "2031-02-01").when().get("/task-rules").then().statusCode(200)
                    .body("findAll { it.code == '" + code + "' }.validFrom", equalTo(List.of("2031-01-01")))
                    // from 2025-07-01 the seeded district rows are replaced by the two-tier ones (V25)
                    .body("findAll { it.code == 'NOT_MET_DISTRICT' || it.code == 'TARGET_YEAR_DOSSIER' }.assignee",
                            equalTo(List.of("COORDINATION_OFFICE", "COMMUNE")));
            asAdmin().queryParam("on", "2022-07-20").when().get("/task-rules").then().statusCode(200)
                    .body("findAll { it.code == 'NOT_MET_DISTRICT' || it.code == 'TARGET_YEAR_DOSSIER' }.assignee",
                            equalTo(List.of("DISTRICT", "DISTRICT")));

            // refused: a period ending before it begins (422), one sharing days with another row (409), and
            // stretching a row over the next one (409); nothing is written
            asAdmin().contentType(ContentType.JSON).body(rule("Sai", "2031-05-01", "2031-04-01", true))
                    .when().put("/task-rules/" + code).then().statusCode(422)
                    .contentType("application/problem+json").body("errors.field", equalTo(List.of("validTo")))
                    .body("code", equalTo("RULE_PERIOD_REVERSED"));
            asAdmin().contentType(ContentType.JSON).body(rule("Sai ngày", "2031-02-30", null, true))
                    .when().put("/task-rules/" + code).then().statusCode(400)
                    .contentType("application/problem+json");
            asAdmin().contentType(ContentType.JSON).body(rule("Trùng", "2030-06-01", null, true))
                    .when().put("/task-rules/" + code).then().statusCode(409)
                    .contentType("application/problem+json").body("errors.field", equalTo(List.of("validFrom")))
                    .body("code", equalTo("RULE_PERIOD_OVERLAP"));
            asAdmin().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(rule("Kéo dài", null, "2031-01-15", true)).when().put("/task-rules/" + code).then()
                    .statusCode(409).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("validFrom")));
            asAdmin().queryParam("code", code).when().get("/task-rules/history").then().statusCode(200)
                    .body("size()", equalTo(2)).body("validFrom", hasItem("2031-01-01"))
                    .body("validTo", hasItem("2030-12-31"));

            UUID before = UUID.randomUUID();
            UUID after = UUID.randomUUID();
            String commune = freshCommune();
            publish(before, undistricted(before, "2030-12-31", commune));
            publish(after, undistricted(after, "2031-01-02", commune));
            // each inspection's own work: coordination and the dated rule's task (its scope is the province); the
            // work to keep the criteria met is the commune's, one piece for both inspections
            assertThat(titlesOf(Fixtures.awaitTasks(before, 2), code)).containsExactly("Kế hoạch cũ tại tỉnh Lạng Sơn");
            assertThat(titlesOf(Fixtures.awaitTasks(after, 2), code)).containsExactly("Kế hoạch mới tại tỉnh Lạng Sơn");
        } finally {
            asAdmin().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(rule("Kế hoạch cũ tại {scope}", null, "2030-12-31", false))
                    .when().put("/task-rules/" + code).then().statusCode(200).body("enabled", equalTo(false));
            asAdmin().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(rule("Kế hoạch mới tại {scope}", "2031-01-01", null, false))
                    .when().put("/task-rules/" + code).then().statusCode(200).body("enabled", equalTo(false));
        }
    }

    private static List<String> titlesOf(JsonPath tasks, String ruleCode) {
        return tasks.<Map<String, Object>>getList("items").stream().filter(t -> t.get("ruleCode").equals(ruleCode))
                .map(t -> (String) t.get("title")).toList();
    }

    private static ObjectNode undistricted(UUID id, String date, String commune) {
        ObjectNode event = Fixtures.oneCommuneInspection(id, date, commune, null, Map.of(1, "MET"));
        event.putNull("district");
        return event;
    }

    private static String rule(String title, String validFrom, String validTo, boolean enabled) {
        return "{\"trigger\":\"INSPECTION\",\"assignee\":\"COORDINATION_OFFICE\",\"titleTemplate\":\"" + title
                + "\",\"enabled\":" + enabled + ",\"position\":995"
                + (validFrom == null ? "" : ",\"validFrom\":\"" + validFrom + "\"")
                + (validTo == null ? "" : ",\"validTo\":\"" + validTo + "\"") + "}";
    }

    @SuppressWarnings("unchecked")
    private static String type(Map<String, Object> task, String field) {
        Map<String, Object> org = (Map<String, Object>) task.get(field);
        return org == null ? null : (String) org.get("type");
    }

    @SuppressWarnings("unchecked")
    private static String org(Map<String, Object> task, String field) {
        Map<String, Object> org = (Map<String, Object>) task.get(field);
        return org.get("type") + " " + org.get("code");
    }

    /** A made-up commune code no other test uses: no earlier work of another class is settled or continued. */
    private static String freshCommune() {
        return "R" + String.format("%04X", ThreadLocalRandom.current().nextInt(0x10000));
    }

    private static void publish(UUID inspectionId, ObjectNode event) {
        Fixtures.publish(inspectionId.toString(), event.toString(),
                Fixtures.headers(UUID.randomUUID(), EventTypes.INSPECTION_FINALIZED), null);
    }
}
