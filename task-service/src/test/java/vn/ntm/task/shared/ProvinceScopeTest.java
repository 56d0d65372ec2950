package vn.ntm.task.shared;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.task.Auth;
import vn.ntm.task.Fixtures;
import vn.ntm.task.InspectionEvents;
import vn.ntm.task.intake.InspectionEventBatch;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static vn.ntm.task.Auth.as;

/** Viewers and inspectors read the tasks of their province, which each task takes from its inspection event. */
@QuarkusTest
class ProvinceScopeTest {
    @Inject
    InspectionEventBatch inspections;

    @Test
    void viewersAndInspectorsSeeOnlyTheirProvincesTasks() {
        UUID langSon = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(langSon));
        UUID haNoi = UUID.randomUUID();
        ObjectNode event = Fixtures.seedEvent(haNoi);
        ((ObjectNode) event.get("province")).put("code", "01");
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.JSON.convertValue(event, InspectionFinalized.class));

        for (String bearer : new String[]{Auth.viewer("01"), Auth.inspector("01")}) {
            as(bearer).queryParam("inspectionId", haNoi).when().get("/tasks")
                    .then().statusCode(200).body("total", equalTo(Fixtures.SEED_TASK_COUNT));
            as(bearer).queryParam("inspectionId", langSon).when().get("/tasks")
                    .then().statusCode(200).body("total", equalTo(0));
            as(bearer).queryParam("inspectionId", langSon).when().get("/tasks/summary")
                    .then().statusCode(200).body("all.total", equalTo(0));
        }
        as(Auth.viewer("20")).queryParam("inspectionId", haNoi).when().get("/tasks")
                .then().statusCode(200).body("total", equalTo(0));
        String haNoiTask = Auth.asAdmin().queryParam("inspectionId", haNoi).when().get("/tasks")
                .then().extract().path("items[0].id");
        as(Auth.viewer("20")).when().get("/tasks/" + haNoiTask).then().statusCode(404);
        as(Auth.viewer("01")).when().get("/tasks/" + haNoiTask).then().statusCode(200);
        // a viewer without a province claim sees nothing
        as(Auth.token("viewer-nowhere", "viewer").bearer()).queryParam("inspectionId", haNoi).when().get("/tasks")
                .then().statusCode(200).body("total", equalTo(0));
    }
}
