package vn.ntm.inspection.inspections;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.Db;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class InspectionLifecycleTest {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void catalogHasTheSeedSet() {
        CatalogFixture.ensureSeedSet(db);
    }

    private String draft(String commune) {
        return Api.json().body(Api.inspectionBody("Lifecycle " + UUID.randomUUID(), commune, "2023-05-10"))
                .post("/inspections").then().statusCode(201)
                .header("Location", containsString("/inspections/"))
                .body("status", equalTo("DRAFT"))
                .body("id", notNullValue())
                .extract().path("id");
    }

    @Test
    void finalizedInspectionRefusesEveryChangeWith409() {
        String commune = Api.uniqueCommune();
        String id = draft(commune);
        Api.findings(id).body(Api.findingsMeeting(List.of(1, 2, 3))).put("/inspections/" + id + "/communes/" + commune
                + "/findings").then().statusCode(200).body("summary.met", equalTo(3));

        Api.json().post("/inspections/" + id + "/finalize").then().statusCode(200)
                .body("status", equalTo("FINALIZED")).body("finalizedAt", notNullValue());

        Api.json().post("/inspections/" + id + "/finalize").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("đã hoàn tất nên không thể thay đổi"))
                .body("type", equalTo("https://ntm.gov.vn/problems/conflict")).body("code", equalTo("INSPECTION_FINALIZED"));
        Api.findings(id).body(Api.findingsMeeting(List.of(1))).put("/inspections/" + id + "/communes/" + commune
                + "/findings").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("INSPECTION_FINALIZED"));
        Api.json().body("{\"assignee\": {\"type\": \"UBND_XA\", \"code\": \"" + commune + "\", \"name\": \"UBND xã\"},"
                + " \"content\": \"Làm tiếp\"}").post("/inspections/" + id + "/recommendations")
                .then().statusCode(409).contentType("application/problem+json");

        Api.reader().get("/inspections/" + id).then().statusCode(200).body("status", equalTo("FINALIZED"))
                .body("communes[0].summary.met", equalTo(3));
        assertThat(Db.count(db, "select count(*) from outbox_event where event_key = ?", id)).isEqualTo(1);
        assertThat(Db.count(db, "select count(*) from recommendation where inspection_id = ?::uuid", id)).isZero();
    }

    @Test
    void finalizeOfAnIncompleteInspectionIs422ListingTheMissingCriteria() {
        String commune = Api.uniqueCommune();
        String id = draft(commune);
        Api.findings(id).body("[{\"criterion\": 1, \"result\": \"MET\"}, {\"criterion\": 2, \"result\": \"NOT_ASSESSED\"}]")
                .put("/inspections/" + id + "/communes/" + commune + "/findings").then().statusCode(200)
                .body("summary.missingCriteria.size()", equalTo(17));

        Api.json().post("/inspections/" + id + "/finalize").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("INSPECTION_INCOMPLETE"))
                .body("errors[0].field", equalTo("communes[" + commune + "].findings"))
                .body("errors[0].message", containsString("3, 4, 5"));

        Api.reader().get("/inspections/" + id).then().body("status", equalTo("DRAFT"));
        assertThat(Db.count(db, "select count(*) from outbox_event where event_key = ?", id)).isZero();
    }

    @Test
    void replacingFindingsReplacesTheWholeListOfThatCommune() {
        String commune = Api.uniqueCommune();
        String id = draft(commune);
        String path = "/inspections/" + id + "/communes/" + commune + "/findings";
        Api.findings(id).body(Api.findingsMeeting(List.of(1, 2, 3, 4))).put(path).then().statusCode(200);

        Api.findings(id).body("[{\"criterion\": 5, \"result\": \"MET\", \"note\": \"Trường đạt chuẩn\","
                        + " \"responsible\": [{\"type\": \"UBND_HUYEN\", \"code\": \"187\", \"name\": \"UBND huyện Chi Lăng\"}]},"
                        + " {\"criterion\": 1, \"result\": \"NOT_MET\"}]")
                .put(path).then().statusCode(200)
                .body("findings.size()", equalTo(2))
                .body("findings[0].criterion", equalTo(1))
                .body("findings[1].responsible[0].code", equalTo("187"))
                .body("findings[1].sectors", equalTo(List.of("GDDT")))
                .body("summary.metCriteria", equalTo(List.of(5)));
        assertThat(Db.count(db, "select count(*) from finding f join inspection_commune c on c.id = f.commune_id"
                + " where c.inspection_id = ?::uuid", id)).isEqualTo(2);
    }

    @Test
    void recommendationIsRecordedWithItsAssigneeAndDeadline() {
        String commune = Api.uniqueCommune();
        String id = draft(commune);
        Api.json().body("{\"assignee\": {\"type\": \"UBND_HUYEN\", \"code\": \"187\", \"name\": \"UBND huyện Chi Lăng\"},"
                        + " \"communeCode\": \"" + commune + "\", \"content\": \"Hoàn thiện hồ sơ\", \"deadline\": \"2023-12-31\"}")
                .post("/inspections/" + id + "/recommendations").then().statusCode(201)
                .body("id", notNullValue()).body("deadline", equalTo("2023-12-31"));
        Api.json().body("{\"assignee\": {\"type\": \"UBND_XA\", \"code\": \"99999\", \"name\": \"UBND xã khác\"},"
                        + " \"communeCode\": \"99999\", \"content\": \"Không thuộc phạm vi\"}")
                .post("/inspections/" + id + "/recommendations").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("communeCode"))
                .body("code", equalTo("UNIT_OUTSIDE_SCOPE"));

        Api.reader().get("/inspections/" + id).then().body("recommendations.size()", equalTo(1))
                .body("recommendations[0].content", equalTo("Hoàn thiện hồ sơ"));
    }

    @Test
    void listFiltersByScopeYearAndStatusAndPagesInAStableOrder() {
        String commune = Api.uniqueCommune();
        String first = draft(commune);
        String second = draft(commune);
        String third = draft(commune);
        Api.findings(third).body(Api.findingsMeeting(List.of())).put("/inspections/" + third + "/communes/" + commune
                + "/findings").then().statusCode(200);
        Api.json().post("/inspections/" + third + "/finalize").then().statusCode(200);

        Api.reader().queryParam("commune", commune).queryParam("size", 2).get("/inspections").then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items.id", equalTo(List.of(third, second)));
        Api.reader().queryParam("commune", commune).queryParam("size", 2).queryParam("page", 1).get("/inspections")
                .then().body("items.id", equalTo(List.of(first)));
        Api.reader().queryParam("commune", commune).queryParam("status", "FINALIZED").get("/inspections")
                .then().body("total", equalTo(1)).body("items[0].id", equalTo(third))
                .body("items[0].communes[0].code", equalTo(commune));
        Api.reader().queryParam("commune", commune).queryParam("province", "20").queryParam("district", Api.districtOf(commune))
                .queryParam("year", 2023).get("/inspections").then().body("total", equalTo(3));
        Api.reader().queryParam("commune", commune).queryParam("year", 2022).get("/inspections")
                .then().body("total", equalTo(0));
        Api.reader().queryParam("commune", commune).queryParam("district", "999").get("/inspections")
                .then().body("total", equalTo(0));
        Api.reader().queryParam("status", "CLOSED").queryParam("size", 500).get("/inspections").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("status")).body("errors.field", hasItem("size"));
    }

    private static final String RECOMMENDATION = "{\"assignee\": {\"type\": \"UBND_HUYEN\", \"code\": \"187\","
            + " \"name\": \"UBND huyện Chi Lăng\"}, \"content\": \"%s\"}";

    private long rowsOf(String id) {
        return Db.count(db, "select (select count(*) from inspection where id = ?::uuid)"
                + " + (select count(*) from inspection_commune where inspection_id = ?::uuid)"
                + " + (select count(*) from finding f join inspection_commune c on c.id = f.commune_id"
                + " where c.inspection_id = ?::uuid)"
                + " + (select count(*) from recommendation where inspection_id = ?::uuid)", id, id, id, id);
    }

    @Test
    void aDraftIsDeletedWithItsCurrentETagAndTheDeletionIsRecordedWithTheActor() {
        String commune = Api.uniqueCommune();
        String id = draft(commune);
        Api.findings(id).body(Api.findingsMeeting(List.of(1, 2))).put("/inspections/" + id + "/communes/" + commune
                + "/findings").then().statusCode(200);
        Api.json().body(RECOMMENDATION.formatted("Hoàn thiện hồ sơ")).post("/inspections/" + id + "/recommendations")
                .then().statusCode(201);
        long rows = rowsOf(id);
        assertThat(rows).isEqualTo(1 + 1 + 19 + 1);
        String etag = Api.etag(id);

        // refusals change nothing: no If-Match, a stale one, a viewer, an inspector of another province
        Api.json().delete("/inspections/" + id).then().statusCode(428).contentType("application/problem+json")
                .body("code", equalTo("PRECONDITION_REQUIRED"));
        Api.json().header("If-Match", "\"999\"").delete("/inspections/" + id).then().statusCode(412)
                .contentType("application/problem+json").body("code", equalTo("STALE_VERSION"));
        Api.json(Auth.viewer("20")).header("If-Match", etag).delete("/inspections/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        Api.json(Auth.inspector("01")).header("If-Match", etag).delete("/inspections/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(rowsOf(id)).isEqualTo(rows);
        assertThat(Db.count(db, "select count(*) from inspection_deletion where inspection_id = ?::uuid", id)).isZero();

        Api.json().header("If-Match", etag).delete("/inspections/" + id).then().statusCode(204)
                .body(emptyString());

        Api.reader().get("/inspections/" + id).then().statusCode(404).contentType("application/problem+json");
        Api.json().header("If-Match", etag).delete("/inspections/" + id).then().statusCode(404);
        assertThat(rowsOf(id)).isZero();
        assertThat(Db.string(db, "select deleted_by || ' ' || (recommendation_id is null) || ' '"
                + " || (record ->> 'title') from inspection_deletion where inspection_id = ?::uuid", id))
                .startsWith("inspector-20 true Lifecycle ");
        assertThat(Db.count(db, "select count(*) from outbox_event where event_key = ?", id)).isZero();
    }

    @Test
    void aFinalizedInspectionIsNeverDeleted() {
        String commune = Api.uniqueCommune();
        String id = draft(commune);
        Api.findings(id).body(Api.findingsMeeting(List.of(1))).put("/inspections/" + id + "/communes/" + commune
                + "/findings").then().statusCode(200);
        Api.json().post("/inspections/" + id + "/finalize").then().statusCode(200);
        long rows = rowsOf(id);

        Api.json(Auth.admin()).header("If-Match", Api.etag(id)).delete("/inspections/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("INSPECTION_FINALIZED"))
                .body("type", equalTo("https://ntm.gov.vn/problems/conflict"));

        assertThat(rowsOf(id)).isEqualTo(rows);
        Api.reader().get("/inspections/" + id).then().statusCode(200).body("status", equalTo("FINALIZED"));
        assertThat(Db.count(db, "select count(*) from inspection_deletion where inspection_id = ?::uuid", id)).isZero();
        assertThat(Db.count(db, "select count(*) from outbox_event where event_key = ?", id)).isEqualTo(1);
    }

    @Test
    void oneRecommendationOfADraftIsDeletedAndTheNextOneTakesANewPlace() {
        String commune = Api.uniqueCommune();
        String id = draft(commune);
        String first = Api.json().body(RECOMMENDATION.formatted("Kiến nghị thứ nhất"))
                .post("/inspections/" + id + "/recommendations").then().statusCode(201).extract().path("id");
        Api.json().body(RECOMMENDATION.formatted("Kiến nghị thứ hai")).post("/inspections/" + id + "/recommendations")
                .then().statusCode(201);
        String path = "/inspections/" + id + "/recommendations/" + first;
        String etag = Api.etag(id);

        Api.json().delete(path).then().statusCode(428).contentType("application/problem+json");
        Api.json().header("If-Match", "\"999\"").delete(path).then().statusCode(412);
        Api.json(Auth.viewer("20")).header("If-Match", etag).delete(path).then().statusCode(403);
        Api.json().header("If-Match", etag).delete("/inspections/" + id + "/recommendations/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        Api.json().header("If-Match", etag).delete("/inspections/" + id + "/recommendations/not-a-uuid")
                .then().statusCode(404);
        assertThat(Db.count(db, "select count(*) from recommendation where inspection_id = ?::uuid", id)).isEqualTo(2);
        assertThat(Api.etag(id)).isEqualTo(etag);

        String newEtag = Api.json().header("If-Match", etag).delete(path).then().statusCode(204)
                .extract().header("ETag");
        assertThat(newEtag).isNotEqualTo(etag).isEqualTo(Api.etag(id));
        Api.json().header("If-Match", newEtag).delete(path).then().statusCode(404);
        // the next recommendation follows the last one; it never takes the deleted one's place
        Api.json().body(RECOMMENDATION.formatted("Kiến nghị thứ ba")).post("/inspections/" + id + "/recommendations")
                .then().statusCode(201);
        Api.reader().get("/inspections/" + id).then().statusCode(200)
                .body("recommendations.content", equalTo(List.of("Kiến nghị thứ hai", "Kiến nghị thứ ba")));
        assertThat(Db.string(db, "select deleted_by || ' ' || (record ->> 'content') from inspection_deletion"
                + " where recommendation_id = ?::uuid", first)).isEqualTo("inspector-20 Kiến nghị thứ nhất");

        Api.findings(id).body(Api.findingsMeeting(List.of(1))).put("/inspections/" + id + "/communes/" + commune
                + "/findings").then().statusCode(200);
        Api.json().post("/inspections/" + id + "/finalize").then().statusCode(200);
        String kept = Api.reader().get("/inspections/" + id).then().extract().path("recommendations[0].id");
        Api.json().header("If-Match", Api.etag(id)).delete("/inspections/" + id + "/recommendations/" + kept)
                .then().statusCode(409).body("code", equalTo("INSPECTION_FINALIZED"));
        assertThat(Db.count(db, "select count(*) from recommendation where inspection_id = ?::uuid", id)).isEqualTo(2);
    }
}
