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

/** Every bad input: a clear 4xx problem+json naming the offending item, and nothing written. */
@QuarkusTest
class ValidationTest {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void catalogHasTheSeedSet() {
        CatalogFixture.ensureSeedSet(db);
    }

    private long inspectionsTitled(String title) {
        return Db.count(db, "select count(*) from inspection where title = ?", title);
    }

    private long findingsOf(String id) {
        return Db.count(db, "select count(*) from finding f join inspection_commune c on c.id = f.commune_id"
                + " where c.inspection_id = ?::uuid", id);
    }

    @Test
    void unknownCriteriaSetIsRefusedNamingTheCommune() {
        String title = "Unknown set " + UUID.randomUUID();
        String body = Api.inspectionBody(title, Api.uniqueCommune(), "2023-01-01")
                .replace("XA_NTM_2021_2025", "XA_KHONG_TON_TAI");
        Api.json().body(body).post("/inspections").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("communes[0].criteriaSet"))
                .body("errors[0].message", containsString("XA_KHONG_TON_TAI"));
        assertThat(inspectionsTitled(title)).isZero();
    }

    @Test
    void duplicateCommuneIsRefusedNamingTheSecondOccurrence() {
        String title = "Duplicate " + UUID.randomUUID();
        String commune = Api.uniqueCommune();
        String body = Api.inspectionBody(title, commune, "2023-01-01").replace("\"communes\": [",
                "\"communes\": [{\"code\": \"" + commune + "\", \"criteriaSet\": \"XA_NTM_2021_2025\","
                        + " \"targetTier\": \"NTM\", \"targetYear\": 2024}, ");
        Api.json().body(body).post("/inspections").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("communes[1].code"))
                .body("errors[0].message", containsString(commune));
        assertThat(inspectionsTitled(title)).isZero();
        assertThat(Db.count(db, "select count(*) from inspection_commune where code = ?", commune)).isZero();
    }

    @Test
    void missingFieldsAreListed() {
        Api.json().body("{\"title\": \" \", \"communes\": [{\"code\": \"06604\"}]}").post("/inspections")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("inspectedOn"))
                .body("errors.field", hasItem("leadAgency"))
                .body("errors.field", hasItem("province"))
                .body("errors.field", hasItem("communes[0].criteriaSet"))
                .body("errors.field", hasItem("communes[0].targetTier"));
        assertThat(inspectionsTitled(" ")).isZero();
    }

    @Test
    void malformedDatesAndUnknownEnumValuesAre400() {
        String title = "Bad date " + UUID.randomUUID();
        Api.json().body(Api.inspectionBody(title, Api.uniqueCommune(), "2022-13-45")).post("/inspections")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("inspectedOn"));
        Api.json().body(Api.inspectionBody(title, Api.uniqueCommune(), "2023-01-01").replace("\"NTM\"", "\"GOLD\""))
                .post("/inspections").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("communes[0].targetTier"));
        assertThat(inspectionsTitled(title)).isZero();

        String commune = Api.uniqueCommune();
        String id = Api.json().body(Api.inspectionBody("Good " + UUID.randomUUID(), commune, "2023-01-01"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        Api.findings(id).body("[{\"criterion\": 1, \"result\": \"MET\", \"deadline\": \"30/10/2022\"}]")
                .put("/inspections/" + id + "/communes/" + commune + "/findings").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("[0].deadline"));
        assertThat(findingsOf(id)).isZero();
    }

    @Test
    void aCommuneIsInspectedOnASetOfItsTargetTierOrOfATierItIncludes() {
        String code = "XA_KIEU_MAU_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var basic = CatalogFixture.set(code, 19);
        CatalogFixture.publish(new vn.ntm.contracts.CriteriaSetPublished(basic.schemaVersion(), code,
                "Bộ tiêu chí quốc gia về xã nông thôn mới kiểu mẫu (thử)", basic.level(), "NTM_KIEU_MAU",
                basic.periodFrom(), basic.periodTo(), null, null, basic.criteria()));
        CatalogFixture.awaitCopied(db, code);

        String title = "Tier " + UUID.randomUUID();
        Api.json().body(Api.inspectionBody(title, Api.uniqueCommune(), "2023-01-01")
                        .replace("XA_NTM_2021_2025", code))
                .post("/inspections").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("communes[0].targetTier"))
                .body("errors[0].pointer", equalTo("/communes/0/targetTier"))
                .body("errors[0].message", containsString("dành cho mức “nông thôn mới kiểu mẫu”"));
        assertThat(inspectionsTitled(title)).isZero();
        Api.json().body(Api.inspectionBody(title, Api.uniqueCommune(), "2023-01-01")
                        .replace("XA_NTM_2021_2025", code).replace("\"NTM\"", "\"NTM_KIEU_MAU\""))
                .post("/inspections").then().statusCode(201);
        // a commune aiming for model NTM is still inspected on the NTM criteria (the seed's Chi Lăng)
        Api.json().body(Api.inspectionBody("Tier " + UUID.randomUUID(), Api.uniqueCommune(), "2023-01-01")
                        .replace("\"NTM\"", "\"NTM_KIEU_MAU\""))
                .post("/inspections").then().statusCode(201);
    }

    @Test
    void deadlinesBeforeTheInspectionDateAreRefusedWith422AndNothingIsWritten() {
        String commune = Api.uniqueCommune();
        String id = Api.json().body(Api.inspectionBody("Deadline " + UUID.randomUUID(), commune, "2023-01-01"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        Api.findings(id).body("[{\"criterion\": 1, \"result\": \"MET\"}, {\"criterion\": 2, \"result\":"
                        + " \"NOT_MET\", \"deadline\": \"2022-12-31\"}]")
                .put("/inspections/" + id + "/communes/" + commune + "/findings").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("findings[1].deadline"))
                .body("errors[0].pointer", equalTo("/findings/1/deadline"))
                .body("errors[0].message", containsString("01/01/2023"));
        assertThat(findingsOf(id)).isZero();
        Api.json().body("{\"assignee\": {\"type\": \"UBND_HUYEN\", \"code\": \"" + Api.districtOf(commune)
                        + "\", \"name\": \"UBND huyện\"}, \"content\": \"Hoàn thiện hồ sơ\", \"deadline\":"
                        + " \"2022-06-30\"}")
                .post("/inspections/" + id + "/recommendations").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("deadline")).body("errors[0].pointer", equalTo("/deadline"));
        Api.reader().get("/inspections/" + id).then().body("recommendations.size()", equalTo(0));
        // the inspection's own day is a valid deadline
        Api.findings(id).body("[{\"criterion\": 2, \"result\": \"NOT_MET\", \"deadline\": \"2023-01-01\"}]")
                .put("/inspections/" + id + "/communes/" + commune + "/findings").then().statusCode(200);
    }

    @Test
    void unknownCriterionIsRefusedNamingTheItemAndNothingIsWritten() {
        String commune = Api.uniqueCommune();
        String id = Api.json().body(Api.inspectionBody("Criterion " + UUID.randomUUID(), commune, "2023-01-01"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        String path = "/inspections/" + id + "/communes/" + commune + "/findings";
        Api.findings(id).body(Api.findingsMeeting(List.of(1))).put(path).then().statusCode(200);

        Api.findings(id).body("[{\"criterion\": 1, \"result\": \"NOT_MET\"}, {\"criterion\": 20, \"result\": \"MET\"}]")
                .put(path).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("findings[1].criterion"))
                .body("errors[0].message", containsString("tiêu chí 20 không có trong bộ tiêu chí XA_NTM_2021_2025"));
        Api.findings(id).body("[{\"criterion\": 3, \"result\": \"MET\"}, {\"criterion\": 3, \"result\": \"NOT_MET\"},"
                        + " {\"criterion\": 4}]")
                .put(path).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("findings[1].criterion", "findings[2].result")));

        assertThat(findingsOf(id)).isEqualTo(19);
        Api.reader().get("/inspections/" + id).then().body("communes[0].summary.met", equalTo(1));
    }

    @Test
    void findingsOfACommuneOutsideTheScopeOrOfAnUnknownInspectionAre404() {
        String commune = Api.uniqueCommune();
        String id = Api.json().body(Api.inspectionBody("Scope " + UUID.randomUUID(), commune, "2023-01-01"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        Api.json().body("[]").put("/inspections/" + id + "/communes/00000/findings").then().statusCode(404)
                .contentType("application/problem+json");
        Api.json().body("[]").put("/inspections/" + UUID.randomUUID() + "/communes/" + commune + "/findings")
                .then().statusCode(404).contentType("application/problem+json");
        Api.reader().get("/inspections/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void wrongMethodMediaTypeAndMalformedJsonAreProblemJson() {
        Api.as(Auth.inspector("20")).delete("/inspections").then().statusCode(405).contentType("application/problem+json")
                .body("status", equalTo(405));
        Api.as(Auth.inspector("20")).contentType("text/plain").body("hello").post("/inspections").then().statusCode(415)
                .contentType("application/problem+json").body("status", equalTo(415));
        Api.json().body("{\"title\": \"x\",").post("/inspections").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
    }
}
