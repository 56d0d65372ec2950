package vn.ntm.task.rules;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.ntm.task.Auth;
import vn.ntm.task.Fixtures;
import vn.ntm.task.Multipart;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.ntm.task.Auth.as;

/**
 * Issue 13 item 4: an unmet criterion gives one department task to its lead sector (chủ trì); the cooperating
 * departments (phối hợp) are attached to it, see it with role COOPERATING, add notes and evidence, and cannot move
 * it.
 */
@QuarkusTest
class LeadAndCooperatingDepartmentsTest {
    private static final String HEALTH = Auth.org("SO_NGANH:20:YT");
    private static final String ENVIRONMENT = Auth.org("SO_NGANH:20:TNMT");

    @Test
    void healthDepartmentSeesCriterion17AsCooperatingNotAsItsOwnTask() {
        UUID inspectionId = UUID.randomUUID();
        Fixtures.publishSeed(inspectionId);
        Fixtures.awaitTasks(inspectionId, Fixtures.SEED_TASK_COUNT);

        // one department task for criterion 17 of Thượng Cường: the lead's
        JsonPath departments = Auth.asAdmin().queryParam("inspectionId", inspectionId).queryParam("communeCode", "06490")
                .queryParam("criterion", 17).queryParam("assigneeType", "SO_NGANH").when().get("/tasks").then()
                .statusCode(200).extract().jsonPath();
        assertThat(departments.getList("items.assignee.code")).containsExactly("20:TNMT");
        assertThat(departments.getList("items.role")).containsOnlyNulls(); // the admin is neither

        JsonPath health = as(HEALTH).queryParam("inspectionId", inspectionId).queryParam("size", 100).when()
                .get("/tasks").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = health.getList("items");
        Map<String, Object> c17 = items.stream().filter(t -> "06490".equals(t.get("communeCode"))
                && Integer.valueOf(17).equals(t.get("criterion"))).findFirst().orElseThrow();
        assertThat(c17).containsEntry("role", "COOPERATING");
        assertThat(((Map<?, ?>) c17.get("assignee")).get("code")).isEqualTo("20:TNMT");
        // its own tasks: criterion 15 (Y tế leads it) in Thượng Cường, nothing of criterion 17
        assertThat(items.stream().filter(t -> "ASSIGNEE".equals(t.get("role"))).map(t -> t.get("criterion")))
                .containsExactly(15);
        assertThat(as(HEALTH).queryParam("inspectionId", inspectionId).queryParam("assigneeType", "SO_NGANH")
                .queryParam("assigneeCode", "20:YT").when().get("/tasks").then().statusCode(200).extract()
                .jsonPath().getList("items.criterion")).containsExactly(15);
        // it cooperates on criterion 17 in both communes
        assertThat(items.stream().filter(t -> "COOPERATING".equals(t.get("role"))).map(t -> t.get("criterion")))
                .containsExactlyInAnyOrder(17, 17);

        String id = (String) c17.get("id");
        as(ENVIRONMENT).when().get("/tasks/" + id).then().statusCode(200).body("role", equalTo("ASSIGNEE"));
        as(HEALTH).when().get("/tasks/" + id).then().statusCode(200).body("role", equalTo("COOPERATING"));

        // notes and evidence: yes; the lifecycle: no
        as(HEALTH).contentType("application/json").body("{\"note\": \"Sở Y tế đã kiểm tra an toàn thực phẩm\"}")
                .when().post("/tasks/" + id + "/notes").then().statusCode(201);
        Multipart.file(as(HEALTH), "bien-ban-kiem-tra.pdf", Multipart.pdf("ATTP"))
                .post("/tasks/" + id + "/evidence").then().statusCode(201);
        as(HEALTH).header("If-Match", "\"0\"").contentType("application/json").body("{\"status\": \"IN_PROGRESS\"}")
                .when().patch("/tasks/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        as(HEALTH).contentType("application/json").body("{\"dueDate\": \"2023-06-30\", \"reason\": \"thêm thời gian\"}")
                .when().post("/tasks/" + id + "/extensions").then().statusCode(403);
        Auth.asAdmin().when().get("/tasks/" + id).then().statusCode(200).body("status", equalTo("OPEN"))
                .body("version", equalTo(0));
        assertThat(Auth.asAdmin().when().get("/tasks/" + id + "/history").then().statusCode(200).extract()
                .jsonPath().getList("action")).contains("NOTE", "EVIDENCE_ADDED");

        // another department (Giao thông) neither sees nor touches it
        as(Auth.org("SO_NGANH:20:GTVT")).when().get("/tasks/" + id).then().statusCode(404);
    }

    @Test
    void socialInsuranceCooperatesOnCriterion15InsteadOfGettingTheWholeCriterion() {
        UUID inspectionId = UUID.randomUUID();
        Fixtures.publishSeed(inspectionId);
        Fixtures.awaitTasks(inspectionId, Fixtures.SEED_TASK_COUNT);
        JsonPath insurance = as(Auth.org("SO_NGANH:20:BHXH")).queryParam("inspectionId", inspectionId).when()
                .get("/tasks").then().statusCode(200).extract().jsonPath();
        assertThat(insurance.getList("items.criterion")).containsExactly(15);
        assertThat(insurance.getList("items.role")).containsExactly("COOPERATING");
        assertThat(insurance.getList("items.assignee.code")).containsExactly("20:YT");
    }
}
