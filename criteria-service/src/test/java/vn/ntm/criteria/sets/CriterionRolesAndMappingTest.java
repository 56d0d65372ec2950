package vn.ntm.criteria.sets;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.ntm.criteria.SetFixtures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Issue 13 items 4 and 5 in the catalog: lead and cooperating sectors, and the explicit mapping between sets. */
@QuarkusTest
class CriterionRolesAndMappingTest {

    @Test
    void criterion17IsLedByNaturalResourcesWithHealthAgricultureAndTradeCooperating() {
        given().get("/criteria-sets/XA_NTM_2021_2025/criteria/17").then().statusCode(200)
                .body("leadSector.code", equalTo("TNMT"))
                .body("leadSector.name", equalTo("Tài nguyên và Môi trường"))
                .body("cooperatingSectors.code", contains("YT", "NNPTNT", "CT"))
                .body("indicators.find { it.code == '17.8' }.leadSector.code", equalTo("YT"))
                .body("indicators.find { it.code == '17.8' }.cooperatingSectors.code", contains("NNPTNT", "CT"));
    }

    @Test
    void healthInsuranceIndicatorIsLedBySocialInsuranceWhileHealthLeadsCriterion15() {
        given().get("/criteria-sets/XA_NTM_2021_2025").then().statusCode(200)
                .body("criteria.find { it.number == 15 }.leadSector.code", equalTo("YT"))
                .body("criteria.find { it.number == 15 }.cooperatingSectors.code", contains("BHXH"))
                .body("criteria.find { it.number == 15 }.indicators[0].leadSector.code", equalTo("BHXH"))
                .body("criteria.find { it.number == 2 }.cooperatingSectors", empty());
    }

    @Test
    void onlyCriteriaWithTheSameContentAreMappedToTheEarlierSet() {
        given().get("/criteria-sets/XA_NTM_2021_2025").then().statusCode(200)
                .body("criteria.find { it.number == 2 }.continues[0].set", equalTo("XA_NTM_2016_2020"))
                .body("criteria.find { it.number == 2 }.continues[0].criterion", equalTo(2))
                .body("criteria.find { it.number == 17 }.continues.criterion", contains(17))
                // 2016-2020 #11 "Hộ nghèo" is not 2021-2025 #11 "Nghèo đa chiều"
                .body("criteria.find { it.number == 11 }.continues", empty())
                .body("criteria.find { it.number == 3 }.continues", empty());
        given().get("/criteria-sets/XA_NTM_2016_2020/criteria/2").then().statusCode(200)
                .body("continues", empty()).body("leadSector.code", equalTo("GTVT"));
    }

    @Test
    void aMappingToAnUnknownSetOrToItselfIsRefusedAtPublish() {
        String code = SetFixtures.uniqueCode("MAP");
        String draft = SetFixtures.validDraft(code).replace("\"sectors\": [\"XD\"]}",
                "\"sectors\": [\"XD\"], \"continues\": [{\"set\": \"KHONG_CO\", \"criterion\": 1},"
                        + " {\"set\": \"" + code + "\", \"criterion\": 2}]}");
        SetFixtures.post("/criteria-sets", draft).statusCode(201);
        SetFixtures.post("/criteria-sets/" + code + "/publish", "").statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("criteria[0].continues[0].set"))
                .body("errors.field", hasItem("criteria[0].continues[1].set"));
        given().get("/criteria-sets/" + code).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void aMappingRoundTripsThroughPublishAndExport() {
        String code = SetFixtures.uniqueCode("MAP");
        String draft = SetFixtures.validDraft(code).replace("\"sectors\": [\"XD\"]}",
                "\"sectors\": [\"XD\"], \"continues\": [{\"set\": \"XA_NTM_2016_2020\", \"criterion\": 1}]}");
        SetFixtures.post("/criteria-sets", draft).statusCode(201);
        SetFixtures.post("/criteria-sets/" + code + "/publish", "").statusCode(200);
        given().get("/criteria-sets/" + code + "/export").then().statusCode(200)
                .body("criteria[0].continues[0].set", equalTo("XA_NTM_2016_2020"))
                .body("criteria[0].continues[0].criterion", equalTo(1))
                .body("criteria[1].continues", empty())
                .body("criteria[0].leadSector", nullValue()); // the export is the document: no derived fields
    }
}
