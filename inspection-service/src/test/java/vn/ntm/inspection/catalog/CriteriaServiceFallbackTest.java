package vn.ntm.inspection.catalog;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Db;
import vn.ntm.inspection.fixtures.FakeCriteriaService;
import vn.ntm.inspection.fixtures.RegisterFixture;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A set missing from the local copy is read through from criteria-service once, then served from the copy. */
@QuarkusTest
class CriteriaServiceFallbackTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aMissIsReadThroughStoredAndNeverAskedAgain() {
        RegisterFixture.ensureLoaded(db);
        String code = "XA_REMOTE_PUB_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String commune = Api.uniqueCommune();
        String id = Api.json().body(Api.inspectionBody("Fallback " + UUID.randomUUID(), commune, "2023-01-01")
                .replace("XA_NTM_2021_2025", code)).post("/inspections").then().statusCode(201).extract().path("id");

        assertThat(Db.string(db, "select source from catalog_set where code = ?", code)).isEqualTo("CRITERIA_SERVICE");
        Api.findings(id).body("[{\"criterion\": 17, \"result\": \"NOT_MET\"}, {\"criterion\": 1, \"result\": \"MET\"},"
                        + " {\"criterion\": 2, \"result\": \"NOT_ASSESSED\"}]")
                .put("/inspections/" + id + "/communes/" + commune + "/findings").then().statusCode(200)
                .body("summary.total", equalTo(3))
                .body("findings[2].criterionName", equalTo("Môi trường và an toàn thực phẩm"))
                .body("findings[2].sectors", equalTo(List.of("TNMT", "YT")));
        Api.json().post("/inspections/" + id + "/finalize").then().statusCode(200);

        assertThat(FakeCriteriaService.requests(code)).isEqualTo(1);
    }

    @Test
    void aDraftSetIsRefusedAndAnUnknownOneToo() {
        RegisterFixture.ensureLoaded(db);
        String draft = "XA_REMOTE_DRAFT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String title = "Draft set " + UUID.randomUUID();
        Api.json().body(Api.inspectionBody(title, Api.uniqueCommune(), "2023-01-01")
                .replace("XA_NTM_2021_2025", draft)).post("/inspections").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("communes[0].criteriaSet"))
                .body("errors[0].message", containsString("đang ở trạng thái “bản nháp”; chỉ dùng được bộ tiêu chí đã ban hành"));
        Api.json().body(Api.inspectionBody(title, Api.uniqueCommune(), "2023-01-01")
                .replace("XA_NTM_2021_2025", "XA_NOWHERE")).post("/inspections").then().statusCode(422)
                .body("errors[0].message", containsString("không tồn tại"));
        assertThat(Db.count(db, "select count(*) from inspection where title = ?", title)).isZero();
        assertThat(FakeCriteriaService.requests("XA_NOWHERE")).isEqualTo(1);
    }
}
