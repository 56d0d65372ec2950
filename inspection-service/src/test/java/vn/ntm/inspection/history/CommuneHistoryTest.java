package vn.ntm.inspection.history;

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

    @Test
    void aFollowUpThatReChecksOnlyTheUnmetCriteriaLosesNothingItDidNotLookAt() {
        // Thượng Cường 2022: 13 met; the follow-up re-checks the 6 unmet ones and finds 2 and 17 met now
        List<Integer> unmet = List.of(2, 5, 6, 15, 17, 18);
        String commune = Api.uniqueCommune();
        String first = finalized(commune, "2022-07-20",
                java.util.stream.IntStream.rangeClosed(1, 19).boxed().filter(n -> !unmet.contains(n)).toList());
        String followUp = Api.json().body(Api.inspectionBody("Follow-up " + UUID.randomUUID(), commune, "2022-11-15"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        StringBuilder findings = new StringBuilder("[");
        for (int n = 1; n <= 19; n++) {
            findings.append(n == 1 ? "" : ",").append("{\"criterion\": ").append(n).append(", \"result\": \"")
                    .append(!unmet.contains(n) ? "NOT_ASSESSED" : n == 2 || n == 17 ? "MET" : "NOT_MET")
                    .append("\"}");
        }
        Api.findings(followUp).body(findings.append("]").toString())
                .put("/inspections/" + followUp + "/communes/" + commune + "/findings").then().statusCode(200)
                .body("change.previousInspectionId", equalTo(first))
                .body("change.previousMet", equalTo(13))
                .body("change.newlyMet", equalTo(List.of(2, 17)))
                .body("change.lost", equalTo(List.of()));
    }

    @Test
    void anInspectionUnderAnotherCriteriaSetIsNotComparedWith() {
        // 2016–2020 #11 "Hộ nghèo" is not 2021–2025 #11 "Nghèo đa chiều": sets are compared only with themselves
        String other = "XA_KHAC_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        CatalogFixture.publish(CatalogFixture.set(other, 19));
        CatalogFixture.awaitCopied(db, other);
        String commune = Api.uniqueCommune();
        String earlier = Api.json().body(Api.inspectionBody("Other set " + UUID.randomUUID(), commune, "2020-07-20")
                        .replace("XA_NTM_2021_2025", other))
                .post("/inspections").then().statusCode(201).extract().path("id");
        Api.findings(earlier).body(Api.findingsMeeting(List.of(1, 2, 3, 11)))
                .put("/inspections/" + earlier + "/communes/" + commune + "/findings").then().statusCode(200);
        Api.json().post("/inspections/" + earlier + "/finalize").then().statusCode(200);
        String now = finalized(commune, "2022-07-20", List.of(1, 2));

        Api.reader().get("/inspections/" + now).then().body("communes[0].change", nullValue());
        Api.reader().get("/communes/" + commune + "/history").then().statusCode(200)
                .body("inspections.size()", equalTo(2))
                .body("inspections[1].inspectionId", equalTo(now))
                .body("inspections[1].change", nullValue());
    }
}
