package vn.ntm.task.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.EventTypes;
import vn.ntm.task.Auth;
import vn.ntm.task.Fixtures;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static vn.ntm.task.Auth.as;
import static vn.ntm.task.Auth.asAdmin;

/**
 * The seed's Youth Union (Đoàn TNCSHCM tỉnh Lạng Sơn, free text without a type, as inspection-service records it)
 * named in a recommendation gets the work, through the real broker: an organisation of type TO_CHUC with a code
 * derived from its name, which the province's coordination office follows.
 */
@QuarkusTest
class UntypedRecommendationTest {
    private static final String YOUTH_UNION = "Đoàn TNCSHCM tỉnh Lạng Sơn";
    private static final String CODE = "20:DOAN-TNCSHCM-TINH-LANG-SON";

    @Test
    void theSeedsYouthUnionRecommendationBecomesATaskTheCoordinationOfficeFollows() {
        UUID inspectionId = UUID.randomUUID();
        ObjectNode event = Fixtures.seedEvent(inspectionId);
        ObjectNode rec = ((ArrayNode) event.get("recommendations")).addObject();
        rec.put("id", UUID.randomUUID().toString());
        rec.putObject("assignee").putNull("type").putNull("code").put("name", YOUTH_UNION);
        rec.putNull("communeCode");
        rec.put("content", "Phối hợp tuyên truyền, vận động đoàn viên, thanh niên tham gia xây dựng nông thôn mới");
        rec.put("deadline", "2022-12-31");
        Fixtures.publish(inspectionId.toString(), event.toString(),
                Fixtures.headers(UUID.randomUUID(), EventTypes.INSPECTION_FINALIZED), null);

        assertThat(Fixtures.awaitTasks(inspectionId, Fixtures.SEED_TASK_COUNT + 1).getInt("total"))
                .isEqualTo(Fixtures.SEED_TASK_COUNT + 1);
        String taskId = asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", "to_chuc")
                .when().get("/tasks").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].ruleCode", equalTo("RECOMMENDATION"))
                .body("items[0].assignee.type", equalTo("TO_CHUC"))
                .body("items[0].assignee.code", equalTo(CODE))
                .body("items[0].assignee.name", equalTo(YOUTH_UNION))
                .body("items[0].description", containsString("đoàn viên, thanh niên"))
                .body("items[0].dueDate", equalTo("2022-12-31"))
                .body("items[0].status", equalTo("OPEN"))
                .extract().path("items[0].id");

        // the province's coordination office follows and verifies it; the organisation itself, given its claim,
        // works on it; a commune does not see it
        as(Auth.org("VP_DIEU_PHOI:20")).when().get("/tasks/" + taskId).then().statusCode(200)
                .body("assignee.code", equalTo(CODE));
        as(Auth.org("TO_CHUC:" + CODE)).queryParam("inspectionId", inspectionId).when().get("/tasks").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].role", equalTo("ASSIGNEE"));
        as(Auth.org("UBND_XA:06490")).when().get("/tasks/" + taskId).then().statusCode(404);
        // the export names the type in words
        asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", "TO_CHUC").when()
                .get("/tasks/export.csv").then().statusCode(200).body(containsString("Tổ chức khác"))
                .body(containsString(YOUTH_UNION));
    }
}
