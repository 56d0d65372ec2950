package vn.ntm.inspection.inspections;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.Db;
import vn.ntm.inspection.fixtures.SeedInspection;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 22 "Also": the average the notice states (10.11 criteria per commune, for the whole district) is kept as
 * stated with its basis; the average computed over the inspected communes is labelled as such; a commune's
 * {@code statedMet} cannot exceed its set's criteria.
 */
@QuarkusTest
class StatedFiguresTest {
    private static final String BASIS = "Bình quân số tiêu chí đạt chuẩn/xã của các xã trên địa bàn huyện Chi Lăng";

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void registerAndCatalogAreCopied() {
        CatalogFixture.ensureSeedSet(db);
    }

    @Test
    void theStatedAverageIsKeptAsStatedWithItsBasisBesideTheComputedOne() {
        ObjectNode body = SeedInspection.createBody();
        body.put("title", "Bình quân " + UUID.randomUUID());
        body.putObject("statedFigureBases").put("averageCriteriaMetPerCommune", BASIS);
        String id = Api.json().body(body.toString()).post("/inspections").then().statusCode(201)
                .body("summary.statedAverageMetPerCommune", equalTo(10.11f))
                .body("summary.statedAverageMetPerCommuneBasis", equalTo(BASIS))
                .body("summary.averageMetPerCommuneBasis", equalTo("INSPECTED_COMMUNES"))
                .body("statedFigureBases.averageCriteriaMetPerCommune", equalTo(BASIS))
                .extract().path("id");
        Api.reader().get("/inspections/" + id).then().statusCode(200)
                .body("summary.communes", equalTo(2))
                .body("summary.statedAverageMetPerCommuneBasis", equalTo(BASIS));
        assertThat(Api.reader().get("/inspections/" + id).then().extract().jsonPath()
                .getString("summary.statedAverageMetPerCommune")).isEqualTo("10.11");
    }

    @Test
    void anInspectionStatingNoAverageHasNoStatedAverage() {
        String commune = Api.uniqueCommune();
        Api.json().body(Api.inspectionBody("Không bình quân " + UUID.randomUUID(), commune, "2023-03-03"))
                .post("/inspections").then().statusCode(201)
                .body("summary.statedAverageMetPerCommune", nullValue())
                .body("summary.averageMetPerCommuneBasis", equalTo("INSPECTED_COMMUNES"));
    }

    @Test
    void aStatedMetAboveTheSetsSizeAndABasisWithoutItsFigureAre422AndNothingIsRecorded() {
        String title = "Quá số tiêu chí " + UUID.randomUUID();
        ObjectNode body = SeedInspection.createBody();
        body.put("title", title);
        ((ObjectNode) body.withArray("communes").get(1)).put("statedMet", 20);
        Api.json().body(body.toString()).post("/inspections").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("communes[1].statedMet"));

        ObjectNode basisAlone = SeedInspection.createBody();
        basisAlone.put("title", title);
        basisAlone.putObject("statedFigureBases").put("averageOfSomethingElse", BASIS);
        Api.json().body(basisAlone.toString()).post("/inspections").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("statedFigureBases.averageOfSomethingElse"));

        assertThat(Db.count(db, "select count(*) from inspection where title = ?", title)).isZero();
    }
}
