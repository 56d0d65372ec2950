package vn.ntm.inspection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.testinfra.HealthUnderFaultsContract;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.equalTo;

/** The broker frozen ({@link HealthUnderFaultsContract}): an inspection finalized meanwhile is announced after. */
@QuarkusTest
class HealthUnderFaultsTest extends HealthUnderFaultsContract {

    @Inject
    AgroalDataSource db;

    @Override
    protected Supplier<Expected> prepareWrite() {
        CatalogFixture.ensureSeedSet(db);
        String commune = Api.uniqueCommune();
        String id = Api.json().body(Api.inspectionBody("Frozen broker " + UUID.randomUUID(), commune, "2023-03-03"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        Api.findings(id).body(Api.findingsMeeting(List.of(1, 2)))
                .put("/inspections/" + id + "/communes/" + commune + "/findings").then().statusCode(200);
        return () -> {
            Api.json().post("/inspections/" + id + "/finalize").then().statusCode(200)
                    .body("status", equalTo("FINALIZED"));
            return new Expected(Topics.INSPECTION_EVENTS, id, EventTypes.INSPECTION_FINALIZED);
        };
    }
}
