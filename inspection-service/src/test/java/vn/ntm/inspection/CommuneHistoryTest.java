package vn.ntm.inspection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.CatalogFixture;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CommuneHistoryTest {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void catalogHasTheSeedSet() {
        CatalogFixture.ensureSeedSet(db);
    }

    private String finalized(String commune, String inspectedOn, List<Integer> met) {
        String id = Api.json().body(Api.inspectionBody("History " + UUID.randomUUID(), commune, inspectedOn))
                .post("/inspections").then().statusCode(201).extract().path("id");
        Api.findings(id).body(Api.findingsMeeting(met)).put("/inspections/" + id + "/communes/" + commune + "/findings")
                .then().statusCode(200);
        Api.json().post("/inspections/" + id + "/finalize").then().statusCode(200);
        return id;
    }

    @Test
    void historyShowsEachFinalizedInspectionWithNewlyMetAndLostCriteria() {
        String commune = Api.uniqueCommune();
        String first = finalized(commune, "2022-07-20", List.of(1, 2, 3, 4));
        String second = finalized(commune, "2023-07-20", List.of(1, 3, 4, 5, 6));
        String draft = Api.json().body(Api.inspectionBody("Draft " + UUID.randomUUID(), commune, "2024-01-01"))
                .post("/inspections").then().statusCode(201).extract().path("id");

        Api.reader().get("/communes/" + commune + "/history").then().statusCode(200)
                .body("communeCode", equalTo(commune))
                .body("inspections.size()", equalTo(2))
                .body("inspections[0].inspectionId", equalTo(first))
                .body("inspections[0].summary.met", equalTo(4))
                .body("inspections[0].change", nullValue())
                .body("inspections[1].inspectionId", equalTo(second))
                .body("inspections[1].summary.met", equalTo(5))
                .body("inspections[1].summary.metCriteria", equalTo(List.of(1, 3, 4, 5, 6)))
                .body("inspections[1].change.previousInspectionId", equalTo(first))
                .body("inspections[1].change.newlyMet", equalTo(List.of(5, 6)))
                .body("inspections[1].change.lost", equalTo(List.of(2)));

        Api.reader().get("/inspections/" + second).then()
                .body("communes[0].change.newlyMet", equalTo(List.of(5, 6)))
                .body("communes[0].change.lost", equalTo(List.of(2)));
        Api.findings(draft).body(Api.findingsMeeting(List.of(1, 2))).put("/inspections/" + draft + "/communes/" + commune
                + "/findings").then().statusCode(200)
                .body("change.previousInspectionId", equalTo(second))
                .body("change.newlyMet", equalTo(List.of(2)))
                .body("change.lost", equalTo(List.of(3, 4, 5, 6)));
        Api.reader().get("/communes/NO_SUCH/history").then().statusCode(200).body("inspections.size()", equalTo(0));
    }
}
