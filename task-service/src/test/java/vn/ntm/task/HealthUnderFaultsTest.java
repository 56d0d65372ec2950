package vn.ntm.task;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.task.intake.InspectionEventBatch;
import vn.ntm.testinfra.HealthUnderFaultsContract;

import java.util.UUID;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.equalTo;

/**
 * The broker frozen ({@link HealthUnderFaultsContract}): a commune starting its task meanwhile is announced after.
 * Before readiness became the database alone, readiness answered 503 for the whole freeze (and, before the probes
 * ran in the background, only after 30 s and more).
 */
@QuarkusTest
class HealthUnderFaultsTest extends HealthUnderFaultsContract {
    private static final String COMMUNE = "UBND_XA:06490";

    @Inject
    InspectionEventBatch inspections;

    @Override
    protected Supplier<Expected> prepareWrite() {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        String id = Auth.asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", "UBND_XA")
                .queryParam("assigneeCode", "06490").queryParam("criterion", 17)
                .when().get("/tasks").then().statusCode(200).body("total", equalTo(1))
                .extract().path("items[0].id");
        return () -> {
            Auth.as(Auth.org(COMMUNE)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body("{\"status\":\"IN_PROGRESS\"}").when().patch("/tasks/" + id)
                    .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
            return new Expected(Topics.TASK_EVENTS, id, EventTypes.TASK_STATUS_CHANGED);
        };
    }
}
