package vn.ntm.criteria.register;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.ntm.criteria.AuthFixture;
import vn.ntm.criteria.SetFixtures;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A commune's especially-disadvantaged / safe-zone status, with its own validity inside the commune's. */
@QuarkusTest
class AdminUnitFlagsTest {

    @Test
    void statusIsReadAsOfADateAndEndsWithTheCommune() {
        // 06496 Xã Nhân Lý (Chi Lăng district) until 2025-06-30
        JsonPath periods = put("06496", AuthFixture.admin(), """
                {"especiallyDisadvantaged": true, "safeZone": false, "validFrom": "2021-01-01",
                 "legalBasis": "Quyết định thử nghiệm số 1/QĐ-TEST"}""").statusCode(200).extract().jsonPath();

        assertThat(periods.getList("validFrom")).containsExactly("2021-01-01");
        assertThat(periods.getList("validTo")).containsExactly("2025-06-30");
        assertThat(periods.getString("[0].legalBasis")).isEqualTo("Quyết định thử nghiệm số 1/QĐ-TEST");
        assertThat(flags("06496", "2022-07-20")).isEqualTo("true/false");
        assertThat(flags("06496", "2020-12-31")).isEqualTo("false/false");

        put("06496", AuthFixture.admin(), """
                {"especiallyDisadvantaged": false, "safeZone": true, "validFrom": "2023-01-01", "validTo": "2023-12-31"}""")
                .statusCode(200);
        assertThat(given().get("/admin-units/06496/flags").then().statusCode(200).extract().jsonPath()
                .getList("validFrom")).containsExactly("2021-01-01", "2023-01-01", "2024-01-01");
        assertThat(flags("06496", "2023-06-01")).isEqualTo("false/true");
        assertThat(flags("06496", "2024-06-01")).isEqualTo("true/false");
        JsonPath province = given().queryParam("at", "2022-07-20").get("/admin-units/20").then().statusCode(200)
                .extract().jsonPath();
        assertThat(province.getString("especiallyDisadvantaged")).isNull();
    }

    @Test
    void onlyCommunesThatExistAndAnAdminMaySetIt() {
        String body = "{\"especiallyDisadvantaged\": true, \"safeZone\": true, \"validFrom\": \"2022-01-01\"}";
        put("187", AuthFixture.admin(), body).statusCode(422).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("NOT_A_COMMUNE"));
        put("06490", AuthFixture.admin(), body.replace("2022-01-01", "2026-01-01")).statusCode(404)
                .contentType("application/problem+json");
        put("06493", AuthFixture.admin(), body.replace("}", ", \"validTo\": \"2021-01-01\"}")).statusCode(400)
                .contentType("application/problem+json");
        put("06493", AuthFixture.admin(), "{\"safeZone\": true, \"validFrom\": \"2022-01-01\"}").statusCode(400);
        put("06493", null, body).statusCode(401).contentType("application/problem+json");
        put("06493", AuthFixture.inspector("20"), body).statusCode(403).contentType("application/problem+json");
        assertThat(given().get("/admin-units/06493/flags").then().statusCode(200).extract().jsonPath().getList("$"))
                .isEmpty();
    }

    @Test
    void readingTheStatusOfACodeNoCommuneHadIsNotFound() {
        given().get("/admin-units/99999/flags").then().statusCode(404).contentType("application/problem+json");
        given().get("/admin-units/187/flags").then().statusCode(404).contentType("application/problem+json");
        given().get("/admin-units/06493/flags").then().statusCode(200);
    }

    @Test
    void evaluationOfACommuneUsesItsProvincesRegionAndItsStatus() {
        SetFixtures.post("/provinces", "{\"code\": \"83\", \"name\": \"Bến Tre\", \"region\": 7}").statusCode(201);
        String set = "XA_NTM_2021_2025";
        // 28987 Xã Phong Nẫm (Giồng Trôm, Bến Tre) until 2025-06-30
        assertThat(effectiveRegion(set, "{\"communeCode\": \"28987\", \"year\": 2022, \"values\": {}}")).isEqualTo(7);

        put("28987", AuthFixture.admin(), "{\"especiallyDisadvantaged\": false, \"safeZone\": true,"
                + " \"validFrom\": \"2022-01-01\"}").statusCode(200);

        assertThat(effectiveRegion(set, "{\"communeCode\": \"28987\", \"year\": 2022}")).isEqualTo(1);
        assertThat(effectiveRegion(set, "{\"communeCode\": \"28987\", \"year\": 2022, \"on\": \"2021-06-01\"}"))
                .isEqualTo(7);
        assertThat(effectiveRegion(set, "{\"communeCode\": \"06490\", \"year\": 2022}")).isEqualTo(1);
        SetFixtures.evaluate(set, "{\"communeCode\": \"06490\", \"year\": 2026}").statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("communeCode"))
                .body("code", org.hamcrest.Matchers.equalTo("UNIT_NOT_VALID_ON_DATE"));
        SetFixtures.evaluate(set, "{\"communeCode\": \"00004\", \"year\": 2022}").statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("region"))
                .body("code", org.hamcrest.Matchers.equalTo("REGION_UNKNOWN"));
        SetFixtures.evaluate(set, "{\"communeCode\": \"0004\", \"year\": 2022}").statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("communeCode"));
        SetFixtures.evaluate(set, "{\"year\": 2022}").statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("region"));
    }

    private static int effectiveRegion(String set, String body) {
        return SetFixtures.evaluate(set, body).statusCode(200).extract().jsonPath().getInt("effectiveRegion");
    }

    private static String flags(String code, String at) {
        JsonPath unit = given().queryParam("at", at).get("/admin-units/" + code).then().statusCode(200).extract()
                .jsonPath();
        return unit.getBoolean("especiallyDisadvantaged") + "/" + unit.getBoolean("safeZone");
    }

    private static io.restassured.response.ValidatableResponse put(String code, String bearer, String body) {
        var spec = given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        if (bearer != null) {
            spec = spec.header("Authorization", bearer);
        }
        return spec.put("/admin-units/" + code + "/flags").then();
    }
}
