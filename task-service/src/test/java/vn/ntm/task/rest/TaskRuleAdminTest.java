package vn.ntm.task.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.task.Fixtures;
import vn.ntm.task.service.InspectionEventHandler;

import java.util.UUID;

import static vn.ntm.task.Auth.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The rule table is data: listed and changed through the admin API, applied to the next inspection. */
@QuarkusTest
class TaskRuleAdminTest {
    @Inject
    InspectionEventHandler handler;

    @Test
    void listsTheDefaultRulesInTheOrderTheyApply() {
        asAdmin().when().get("/task-rules").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.hasItems("NOT_MET_COMMUNE", "NOT_MET_SECTOR", "NOT_MET_DISTRICT",
                        "MET_MAINTAIN", "TARGET_YEAR_DOSSIER", "COORDINATION", "RECOMMENDATION"));
        asAdmin().when().get("/task-rules/NOT_MET_COMMUNE").then().statusCode(200)
                .body("trigger", equalTo("NOT_MET_CRITERION")).body("assignee", equalTo("COMMUNE"))
                .body("titleTemplate", equalTo("Hoàn thành tiêu chí số {criterion} ({criterionName}) tại xã {commune}"));
    }

    @Test
    void aNewRuleAppliesToTheNextInspection() {
        String code = "TEST_COORD_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        asAdmin().contentType(ContentType.JSON).body("{\"trigger\":\"NOT_MET_CRITERION\",\"assignee\":"
                        + "\"COORDINATION_OFFICE\",\"titleTemplate\":\"Theo dõi tiêu chí số {criterion} tại xã {commune}\","
                        + "\"enabled\":true,\"position\":99}")
                .when().put("/task-rules/" + code)
                .then().statusCode(200).body("code", equalTo(code)).body("version", equalTo(0));
        try {
            UUID inspectionId = UUID.randomUUID();
            handler.handle(UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
            asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", "VP_DIEU_PHOI")
                    .queryParam("criterion", 17).queryParam("communeCode", "06604")
                    .when().get("/tasks").then().statusCode(200)
                    .body("items.title", contains("Theo dõi tiêu chí số 17 tại xã Thượng Cường"));
        } finally {
            asAdmin().contentType(ContentType.JSON).body("{\"trigger\":\"NOT_MET_CRITERION\",\"assignee\":"
                            + "\"COORDINATION_OFFICE\",\"titleTemplate\":\"Theo dõi\",\"enabled\":false}")
                    .when().put("/task-rules/" + code)
                    .then().statusCode(200).body("enabled", equalTo(false)).body("version", equalTo(1));
        }
    }

    @Test
    void refusesARuleThatCannotWork() {
        asAdmin().contentType(ContentType.JSON).body("{\"trigger\":\"INSPECTION\",\"assignee\":\"SECTOR_DEPARTMENTS\","
                        + "\"titleTemplate\":\"\"}")
                .when().put("/task-rules/BROKEN")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("assignee")).body("errors.field", hasItem("titleTemplate"));
        asAdmin().contentType(ContentType.JSON).body("{\"trigger\":\"SOMETIMES\",\"assignee\":\"COMMUNE\","
                        + "\"titleTemplate\":\"x\"}")
                .when().put("/task-rules/BROKEN")
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().when().get("/task-rules/BROKEN").then().statusCode(404);
    }
}
