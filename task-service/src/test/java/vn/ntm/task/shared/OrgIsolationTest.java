package vn.ntm.task.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.task.Auth;
import vn.ntm.task.Fixtures;
import vn.ntm.task.InspectionEvents;
import vn.ntm.task.intake.InspectionEventBatch;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static vn.ntm.task.Auth.as;
import static vn.ntm.task.Auth.asAdmin;

/** An organisation's user sees and changes its own tasks only; another organisation's task does not exist for it. */
@QuarkusTest
class OrgIsolationTest {
    private static final String THUONG_CUONG = "UBND_XA:06490";

    @Inject
    InspectionEventBatch inspections;
    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    private UUID anInspection() {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        return inspectionId;
    }

    private static List<String> ids(UUID inspectionId, String type, String code) {
        return asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", type)
                .queryParam("assigneeCode", code).queryParam("size", 200)
                .when().get("/tasks").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    /** The inspection's communes' and districts' tasks on the criteria {@code sector} leads in the catalog copy. */
    private List<String> ledBy(UUID inspectionId, String sector) {
        List<String> out = new java.util.ArrayList<>();
        try (var c = dataSource.getConnection(); var q = c.prepareStatement("select t.id::text from task t"
                + " where t.inspection_id = ? and t.province_code = '20' and t.assignee_type in ('UBND_XA', 'UBND_HUYEN')"
                + " and exists (select 1 from criterion_lead l where l.set_code = t.criteria_set"
                + " and l.number = t.criterion and l.sector = ?)")) {
            q.setObject(1, inspectionId);
            q.setString(2, sector);
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Test
    void anOrgNeverSeesAnotherOrganisationsTask() {
        UUID inspectionId = anInspection();
        List<String> own = ids(inspectionId, "UBND_XA", "06490");
        List<String> others = ids(inspectionId, "UBND_XA", "06523");
        assertThat(own).isNotEmpty();
        assertThat(others).isNotEmpty();
        String org = Auth.org(THUONG_CUONG);

        // list: only its own tasks, even when it asks for another organisation's
        JsonPath list = as(org).queryParam("inspectionId", inspectionId).queryParam("size", 200)
                .when().get("/tasks").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.id", String.class)).containsExactlyInAnyOrderElementsOf(own);
        assertThat(list.getInt("total")).isEqualTo(own.size());
        as(org).queryParam("inspectionId", inspectionId).queryParam("assigneeCode", "06523")
                .when().get("/tasks").then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));

        // by id and history: 404, worded exactly as for a task that does not exist
        String other = others.get(0);
        String missing = UUID.randomUUID().toString();
        String detailOfMissing = as(org).when().get("/tasks/" + missing).then().statusCode(404)
                .extract().path("detail");
        as(org).when().get("/tasks/" + other).then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo(detailOfMissing.replace(missing, other)));
        as(org).when().get("/tasks/" + other + "/history").then().statusCode(404)
                .contentType("application/problem+json");
        as(org).when().get("/tasks/" + own.get(0)).then().statusCode(200);

        // export: no row of another organisation
        String csv = new String(as(org).queryParam("inspectionId", inspectionId).queryParam("format", "machine")
                .when().get("/tasks/export.csv")
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> rows = Arrays.asList(csv.substring(1).split("\r\n"));
        assertThat(rows).hasSize(own.size() + 1);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r).contains(",UBND_XA,06490,"));
        others.forEach(id -> assertThat(csv).doesNotContain(id));

        // summary: counts of its own tasks only
        as(org).queryParam("inspectionId", inspectionId).when().get("/tasks/summary").then().statusCode(200)
                .body("all.total", equalTo(own.size()))
                .body("byAssignee", hasSize(1))
                .body("byAssignee[0].assignee.type", equalTo("UBND_XA"))
                .body("byAssignee[0].assignee.code", equalTo("06490"));
    }

    @Test
    void anOrgCannotChangeAnotherOrganisationsTask() {
        UUID inspectionId = anInspection();
        String other = ids(inspectionId, "UBND_HUYEN", "187").get(0);
        String org = Auth.org(THUONG_CUONG);
        as(org).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\":\"CANCELLED\"}")
                .when().patch("/tasks/" + other).then().statusCode(404).contentType("application/problem+json");
        as(org).contentType(ContentType.JSON).body("{\"note\":\"Không phải việc của xã\"}")
                .when().post("/tasks/" + other + "/notes").then().statusCode(404);
        asAdmin().when().get("/tasks/" + other).then().body("status", equalTo("OPEN")).body("version", equalTo(0));
        asAdmin().when().get("/tasks/" + other + "/history").then().body("", hasSize(1));
    }

    @Test
    void anOrgWithSeveralClaimsSeesTheTasksOfEach() {
        UUID inspectionId = anInspection();
        List<String> commune = ids(inspectionId, "UBND_XA", "06490");
        List<String> sector = ids(inspectionId, "SO_NGANH", "20:GTVT");
        assertThat(sector).isNotEmpty();
        List<String> seen = as(Auth.org(THUONG_CUONG, "SO_NGANH:20:GTVT"))
                .queryParam("inspectionId", inspectionId).queryParam("size", 200)
                .when().get("/tasks").then().statusCode(200).extract().jsonPath().getList("items.id");
        // and, as the department leading criterion 2 (when the catalog copy says so), the communes' and the
        // district's work on it (README "Who sees what")
        List<String> led = ledBy(inspectionId, "GTVT");
        assertThat(seen).containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.of(commune, sector, led)
                .flatMap(List::stream).distinct().toList());
    }

    /** Evidence, extensions and reassignment of another organisation's task answer 404 and write nothing. */
    @Test
    void anOrgNeitherSeesNorTouchesTheEvidenceExtensionsOrAssignmentOfAnotherOrganisationsTask() {
        UUID inspectionId = anInspection();
        // Chi Lăng's criterion 17 (Sở Giao thông vận tải neither leads nor verifies it)
        String other = asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", "UBND_XA")
                .queryParam("assigneeCode", "06523").queryParam("criterion", 17).when().get("/tasks").then()
                .statusCode(200).extract().path("items[0].id");
        String chiLang = Auth.org("UBND_XA:06523");
        String file = vn.ntm.task.Multipart.file(as(chiLang), "Biên bản.pdf", vn.ntm.task.Multipart.pdf("x"))
                .post("/tasks/" + other + "/evidence").then().statusCode(201).extract().path("id");
        String ext = as(chiLang).contentType(ContentType.JSON).body("{\"dueDate\":\"2031-01-01\",\"reason\":\"x\"}")
                .post("/tasks/" + other + "/extensions").then().statusCode(201).extract().path("id");
        String history = asAdmin().when().get("/tasks/" + other + "/history").then().extract().asString();

        // a commune of the same inspection, a sector that is not the lead agency and does not lead the criterion,
        // another province's office
        for (String org : List.of(Auth.org("UBND_XA:06490"), Auth.org("SO_NGANH:20:GTVT"),
                Auth.org("VP_DIEU_PHOI:01"))) {
            as(org).when().get("/tasks/" + other + "/evidence").then().statusCode(404)
                    .contentType("application/problem+json");
            as(org).when().get("/tasks/" + other + "/evidence/" + file).then().statusCode(404)
                    .contentType("application/problem+json");
            vn.ntm.task.Multipart.file(as(org), "x.pdf", vn.ntm.task.Multipart.pdf("x"))
                    .post("/tasks/" + other + "/evidence").then().statusCode(404);
            as(org).when().get("/tasks/" + other + "/extensions").then().statusCode(404);
            as(org).contentType(ContentType.JSON).body("{\"dueDate\":\"2031-02-01\",\"reason\":\"x\"}")
                    .post("/tasks/" + other + "/extensions").then().statusCode(404);
            as(org).contentType(ContentType.JSON).body("{}")
                    .post("/tasks/" + other + "/extensions/" + ext + "/approve").then().statusCode(404);
            as(org).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                    .post("/tasks/" + other + "/extensions/" + ext + "/reject").then().statusCode(404);
            as(org).contentType(ContentType.JSON)
                    .body("{\"assignee\":{\"type\":\"UBND_XA\",\"code\":\"06490\"},\"reason\":\"x\"}")
                    .post("/tasks/" + other + "/reassign").then().statusCode(404);
        }
        asAdmin().when().get("/tasks/" + other + "/history").then().body(equalTo(history));
        asAdmin().when().get("/tasks/" + other + "/evidence").then().body("", hasSize(1));
        asAdmin().when().get("/tasks/" + other + "/extensions").then().body("", hasSize(1))
                .body("[0].status", equalTo("PENDING"));
        asAdmin().when().get("/tasks/" + other).then().body("assignee.code", equalTo("06523"));
    }
}
