package vn.ntm.task.shared;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.contracts.SectorsChanged;
import vn.ntm.task.Auth;
import vn.ntm.task.Fixtures;
import vn.ntm.task.InspectionEvents;
import vn.ntm.task.Multipart;
import vn.ntm.task.intake.InspectionEventBatch;
import vn.ntm.task.register.SectorCopyService;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static vn.ntm.task.Auth.as;
import static vn.ntm.task.Auth.asAdmin;

/**
 * README "Who sees what", lead departments (issue 22): the department leading a criterion (chủ trì, the catalog copy's
 * lead sector) guides the communes on it (DOMAIN.md section 7), so it reads its province's communes' and districts'
 * work on that criterion — and changes none of it (403 problem+json). After the 1 March 2025 mergers the successor
 * leads what its predecessor led (Sở Nông nghiệp và Môi trường: criterion 17 of Sở Tài nguyên và Môi trường).
 */
@QuarkusTest
class LeadDepartmentViewTest {
    @Inject
    InspectionEventBatch inspections;
    @Inject
    SectorCopyService sectors;
    @Inject
    AgroalDataSource dataSource;

    /** The catalog copy of the 2021–2025 set (the golden event; the same rows another class may have copied). */
    @BeforeEach
    void catalog() throws Exception {
        sectors.applyCatalog(UUID.randomUUID(), Fixtures.JSON.readValue(
                Fixtures.resource("/contracts/golden/criteria-set-published.json"), CriteriaSetPublished.class));
    }

    @Test
    void theLeadDepartmentReadsTheCommunesAndDistrictsWorkOnItsCriterionButChangesNone() {
        UUID inspectionId = anInspection();
        List<String> communesWork = ids(inspectionId, 2, "UBND_XA", "UBND_HUYEN");
        assertThat(communesWork).as("the commune's and the district's work on criterion 2").hasSize(2);
        String transport = Auth.org("SO_NGANH:20:GTVT");

        JsonPath seen = as(transport).queryParam("inspectionId", inspectionId).queryParam("size", 200)
                .when().get("/tasks").then().statusCode(200).extract().jsonPath();
        assertThat(seen.<String>getList("items.id")).containsAll(communesWork)
                .containsAll(ids(inspectionId, 2, "SO_NGANH"))
                .doesNotContainAnyElementsOf(ids(inspectionId, 17, "UBND_XA", "UBND_HUYEN"));
        assertThat(seen.<Integer>getList("items.criterion")).containsOnly(2);
        String commune = communesWork.get(0);
        as(transport).when().get("/tasks/" + commune).then().statusCode(200).body("role", nullValue());
        as(transport).when().get("/tasks/" + commune + "/history").then().statusCode(200);
        as(transport).when().get("/tasks/" + commune + "/evidence").then().statusCode(200);
        as(transport).when().get("/tasks/" + commune + "/extensions").then().statusCode(200);
        assertThat(as(transport).queryParam("inspectionId", inspectionId).when().get("/tasks/summary").then()
                .statusCode(200).extract().jsonPath().getInt("all.total")).isEqualTo(seen.getInt("total"));

        // read-only: every change is 403 problem+json and writes nothing
        as(transport).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\":\"IN_PROGRESS\"}")
                .when().patch("/tasks/" + commune).then().statusCode(403)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(403));
        as(transport).contentType(ContentType.JSON).body("{\"note\":\"Sở hướng dẫn xã\"}")
                .when().post("/tasks/" + commune + "/notes").then().statusCode(403);
        Multipart.file(as(transport), "Hướng dẫn.pdf", Multipart.pdf("x")).post("/tasks/" + commune + "/evidence")
                .then().statusCode(403);
        as(transport).contentType(ContentType.JSON).body("{\"dueDate\":\"2031-01-01\",\"reason\":\"x\"}")
                .when().post("/tasks/" + commune + "/extensions").then().statusCode(403);
        as(transport).contentType(ContentType.JSON)
                .body("{\"assignee\":{\"type\":\"UBND_XA\",\"code\":\"06523\",\"name\":\"x\"},\"reason\":\"x\"}")
                .when().post("/tasks/" + commune + "/reassign").then().statusCode(403);
        asAdmin().when().get("/tasks/" + commune).then().body("status", equalTo("OPEN")).body("version", equalTo(0));
        assertThat(asAdmin().when().get("/tasks/" + commune + "/history").then().extract().jsonPath()
                .getList("action")).containsExactly("CREATED");

        // another province's department, and a department that does not lead criterion 2, do not see it
        as(Auth.org("SO_NGANH:01:GTVT")).when().get("/tasks/" + commune).then().statusCode(404);
        as(Auth.org("SO_NGANH:20:YT")).when().get("/tasks/" + commune).then().statusCode(404);
    }

    @Test
    void afterTheMergerTheSuccessorReadsTheWorkOnTheCriteriaItTookOver() throws Exception {
        sectors.apply(UUID.randomUUID(), Fixtures.JSON.readValue(
                Fixtures.resource("/contracts/golden/sectors-changed-2025-03.v2.json"), SectorsChanged.class));
        UUID inspectionId = anInspection();
        String environment = Auth.org("SO_NGANH:20:NNMT");

        List<String> seen = as(environment).queryParam("inspectionId", inspectionId).queryParam("size", 200)
                .when().get("/tasks").then().statusCode(200).extract().jsonPath().getList("items.id");
        // criterion 17 (led by TNMT in the catalog) and 13 (NNPTNT): the commune's and the district's work
        assertThat(seen).containsAll(ids(inspectionId, 17, "UBND_XA", "UBND_HUYEN"))
                .containsAll(ids(inspectionId, 13, "UBND_XA", "UBND_HUYEN"))
                .doesNotContainAnyElementsOf(ids(inspectionId, 2, "UBND_XA", "UBND_HUYEN"));
        assertThat(as(Auth.org("SO_NGANH:20:XD")).queryParam("inspectionId", inspectionId)
                .queryParam("assigneeType", "UBND_XA").queryParam("size", 200).when().get("/tasks").then()
                .statusCode(200).extract().jsonPath().<Integer>getList("items.criterion"))
                .as("Sở Xây dựng took over transport: criterion 2, and leads 1 and 9 itself").contains(2)
                .doesNotContain(17);
        String commune = ids(inspectionId, 17, "UBND_XA").get(0);
        as(environment).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\":\"IN_PROGRESS\"}")
                .when().patch("/tasks/" + commune).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }

    /** The sector copy is this class's alone; the leads are the catalog's own again. */
    @AfterEach
    void removeTheSectorCopy() throws SQLException {
        try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("delete from sector_criterion_duty");
            st.execute("delete from sector_successor");
            st.execute("delete from sector");
            st.execute("delete from criterion_lead");
            st.execute("insert into criterion_lead (set_code, number, sector) select set_code, number, lead_sector"
                    + " from catalog_criterion where lead_sector is not null");
        }
    }

    /**
     * An inspection in Lạng Sơn (district Chi Lăng) of a commune of its own (a made-up code: no other class's open
     * work on it settles or absorbs this one's) with criteria 2, 13 and 17 not met.
     */
    private UUID anInspection() {
        UUID inspectionId = UUID.randomUUID();
        String commune = Fixtures.madeUpCommune();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.JSON.convertValue(
                Fixtures.oneCommuneInspection(inspectionId, "2024-04-10", commune, null,
                        Map.of(2, "NOT_MET", 13, "NOT_MET", 17, "NOT_MET")), InspectionFinalized.class));
        return inspectionId;
    }

    private static List<String> ids(UUID inspectionId, int criterion, String... types) {
        return asAdmin().queryParam("inspectionId", inspectionId).queryParam("criterion", criterion)
                .queryParam("size", 200).when().get("/tasks").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream()
                .filter(t -> List.of(types).contains(((Map<?, ?>) t.get("assignee")).get("type")))
                .map(t -> (String) t.get("id")).toList();
    }
}
