package vn.ntm.inspection.history;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;
import vn.ntm.inspection.fixtures.Bodies;
import vn.ntm.inspection.fixtures.CatalogFixture;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * DOMAIN.md §8, issue 22 item 6: a commune's history and "change since last inspection" follow the register's
 * lineage by code and date. Xã Bằng Mạc (06475 since 2025-07-01) succeeded Xã Thượng Cường (06490), Xã Gia Lộc (the
 * 06475 of before) and others: its history includes their inspections, marked as its predecessors'; Gia Lộc's history
 * does not include Bằng Mạc's.
 */
@QuarkusTest
class CommuneLineageTest {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void registerAndCatalogAreCopied() {
        CatalogFixture.ensureSeedSet(db);
    }

    private static String finalized(String inspectedOn, String district, String commune, List<Integer> met) {
        String id = Api.json(Auth.admin()).body(Bodies.inspection(inspectedOn, "20", district, commune).toString())
                .post("/inspections").then().statusCode(201).extract().path("id");
        Api.json().header("If-Match", Api.etag(id)).body(Api.findingsMeeting(met))
                .put("/inspections/" + id + "/communes/" + commune + "/findings").then().statusCode(200);
        Api.json().post("/inspections/" + id + "/finalize").then().statusCode(200);
        return id;
    }

    @Test
    void bangMacsHistoryIncludesItsPredecessorsInspectionsAndGiaLocsNeverBangMacs() {
        String thuongCuong = finalized("2022-07-21", "187", "06490", List.of(1, 2, 3));
        String giaLoc = finalized("2025-06-20", "187", "06475", List.of(1, 2, 3, 4, 5));
        String bangMac = finalized("2025-09-15", null, "06475", List.of(1, 2, 3, 4, 6));

        Api.reader().get("/communes/06475/history").then().statusCode(200)
                .body("communeName", equalTo("Xã Bằng Mạc"))
                .body("validFrom", equalTo("2025-07-01"))
                .body("inspections.inspectionId", hasItem(thuongCuong))
                .body("inspections.inspectionId", hasItem(giaLoc))
                .body("inspections.find { it.inspectionId == '" + thuongCuong + "' }.lineage", equalTo("PREDECESSOR"))
                .body("inspections.find { it.inspectionId == '" + thuongCuong + "' }.communeCode", equalTo("06490"))
                .body("inspections.find { it.inspectionId == '" + giaLoc + "' }.lineage", equalTo("PREDECESSOR"))
                .body("inspections.find { it.inspectionId == '" + giaLoc + "' }.communeName", equalTo("Xã Gia Lộc"))
                .body("inspections.find { it.inspectionId == '" + giaLoc + "' }.registerDate", equalTo("2025-06-20"))
                .body("inspections.find { it.inspectionId == '" + bangMac + "' }.lineage", equalTo("SELF"))
                .body("inspections[-1].inspectionId", equalTo(bangMac))
                // change since the last inspection of the lineage: Gia Lộc's, the latest before it
                .body("inspections[-1].change.previousInspectionId", equalTo(giaLoc))
                .body("inspections[-1].change.newlyMet", equalTo(List.of(6)))
                .body("inspections[-1].change.lost", equalTo(List.of(5)));
        Api.reader().get("/inspections/" + bangMac).then().statusCode(200)
                .body("communes[0].change.previousInspectionId", equalTo(giaLoc));

        // 06475 read as of 2024: Xã Gia Lộc, whose history has its own inspection and never Bằng Mạc's
        Api.reader().get("/communes/06475/history?on=2024-01-01").then().statusCode(200)
                .body("communeName", equalTo("Xã Gia Lộc"))
                .body("inspections.inspectionId", hasItem(giaLoc))
                .body("inspections.inspectionId", not(hasItem(bangMac)))
                .body("inspections.inspectionId", not(hasItem(thuongCuong)))
                .body("inspections.find { it.inspectionId == '" + giaLoc + "' }.lineage", equalTo("SELF"));
        // Thượng Cường's history is its own: the successor's inspections are not its
        Api.reader().get("/communes/06490/history").then().statusCode(200)
                .body("inspections.inspectionId", hasItem(thuongCuong))
                .body("inspections.inspectionId", not(hasItem(bangMac)))
                .body("inspections.inspectionId", not(hasItem(giaLoc)));
        // the inspection of Thượng Cường compares with nothing of Gia Lộc (a neighbour then, not a predecessor)
        Api.reader().get("/inspections/" + giaLoc).then().statusCode(200)
                .body("communes[0].change.previousInspectionId", not(equalTo(thuongCuong)));
    }

    @Test
    void aMalformedDateIsA400NamingTheParameter() {
        Api.reader().get("/communes/06475/history?on=01/07/2025").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
