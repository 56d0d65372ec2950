package vn.ntm.inspection.shared;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;
import vn.ntm.inspection.fixtures.Bodies;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.RegisterFixture;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Issue 22 item 6: since 2025-07-01 Bến Tre (83) and Trà Vinh (84) are part of Vĩnh Long (86). Vĩnh Long's officers
 * read and continue the inspections Bến Tre and Trà Vinh recorded; officers of other provinces still cannot.
 */
@QuarkusTest
class SuccessorProvinceTest {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void registerWithVinhLongAndCatalogAreCopied() {
        CatalogFixture.ensureSeedSet(db);
        RegisterFixture.ensureVinhLongLoaded(db);
    }

    @Test
    void vinhLongsInspectorsReadAndContinueBenTresInspectionOf2023() {
        // Bến Tre's inspection of Xã Tân Thạch (28804) in 2023, recorded by a Bến Tre inspector
        String id = Api.json(Auth.inspector("83")).body(Bodies.inspection("2023-05-10", "83", "831", "28804")
                        .toString()).post("/inspections").then().statusCode(201).extract().path("id");

        Api.as(Auth.inspector("86")).get("/inspections/" + id).then().statusCode(200)
                .body("province.code", equalTo("83"))
                .body("province.name", equalTo("Tỉnh Bến Tre"));
        Api.as(Auth.viewer("86")).get("/inspections/" + id).then().statusCode(200);
        Api.as(Auth.viewer("86")).get("/inspections?province=83").then().statusCode(200)
                .body("items.id", hasItem(id));
        Api.as(Auth.viewer("86")).get("/inspections").then().statusCode(200).body("items.id", hasItem(id));
        // not the other way round, and no other province
        Api.as(Auth.inspector("20")).get("/inspections/" + id).then().statusCode(404);
        Api.as(Auth.viewer("84")).get("/inspections/" + id).then().statusCode(404);
        Api.as(Auth.viewer("20")).get("/inspections").then().statusCode(200).body("items.id", not(hasItem(id)));

        // Vĩnh Long's inspector continues it: findings, a recommendation to a Bến Tre department of 2023, finalize
        Api.json(Auth.inspector("86")).header("If-Match", Api.etag(id)).body(Api.findingsMeeting(List.of(1, 2, 3)))
                .put("/inspections/" + id + "/communes/28804/findings").then().statusCode(200);
        Api.json(Auth.inspector("86")).body("{\"assignee\": {\"type\": \"SO_NGANH\", \"code\": \"83:NNPTNT\","
                        + " \"name\": \"Sở Nông nghiệp và Phát triển nông thôn\"}, \"content\": \"Hướng dẫn xã Tân Thạch\"}")
                .post("/inspections/" + id + "/recommendations").then().statusCode(201);
        Api.json(Auth.inspector("86")).post("/inspections/" + id + "/finalize").then().statusCode(200)
                .body("status", equalTo("FINALIZED"))
                .body("finalizedBy", equalTo("inspector-86"));
        // and corrects it
        Api.json(Auth.inspector("86")).header("If-Match", Api.etag(id))
                .body("{\"reason\": \"Ghi nhầm tiêu chí 4\", \"communes\": [{\"code\": \"28804\", \"findings\": "
                        + Api.findingsMeeting(List.of(1, 2, 3, 4)) + "}]}")
                .post("/inspections/" + id + "/corrections").then().statusCode(201)
                .body("correctedBy", equalTo("inspector-86"));
        Api.json(Auth.inspector("20")).header("If-Match", Api.etag(id))
                .body("{\"reason\": \"x\", \"communes\": [{\"code\": \"28804\", \"findings\": "
                        + Api.findingsMeeting(List.of(1)) + "}]}")
                .post("/inspections/" + id + "/corrections").then().statusCode(404);

        // the history of Xã Phú Túc (28810 since 2025-07-01, Vĩnh Long) includes Tân Thạch's inspection
        Api.as(Auth.viewer("86")).get("/communes/28810/history").then().statusCode(200)
                .body("communeName", equalTo("Xã Phú Túc"))
                .body("inspections.inspectionId", hasItem(id))
                .body("inspections.find { it.inspectionId == '" + id + "' }.lineage", equalTo("PREDECESSOR"))
                .body("inspections.find { it.inspectionId == '" + id + "' }.communeCode", equalTo("28804"));
    }

    @Test
    void vinhLongsViewersReadTraVinhsInspectionsToo() {
        String id = Api.json(Auth.admin()).body(Bodies.inspection("2023-09-01", "84", "842", "29236").toString())
                .post("/inspections").then().statusCode(201).extract().path("id");

        Api.as(Auth.viewer("86")).get("/inspections/" + id).then().statusCode(200)
                .body("province.code", equalTo("84"));
        Api.as(Auth.viewer("83")).get("/inspections/" + id).then().statusCode(404);
    }
}
