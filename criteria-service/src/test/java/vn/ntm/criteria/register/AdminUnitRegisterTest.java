package vn.ntm.criteria.register;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The seeded register read as of a date: codes reused with another meaning, successions, search, counts. */
@QuarkusTest
class AdminUnitRegisterTest {

    @Test
    void codeReusedAfterTheReorganisationResolvesByDate() {
        JsonPath before = unit("06475", "2024-06-01");
        assertThat(before.getString("name")).isEqualTo("Xã Gia Lộc");
        assertThat(before.getString("parentCode")).isEqualTo("187");
        assertThat(before.getString("validTo")).isEqualTo("2025-06-30");

        JsonPath after = unit("06475", "2026-01-01");
        assertThat(after.getString("name")).isEqualTo("Xã Bằng Mạc");
        assertThat(after.getString("type")).isEqualTo("Xã");
        assertThat(after.getString("level")).isEqualTo("commune");
        assertThat(after.getString("parentCode")).isEqualTo("20");
        assertThat(after.getString("provinceCode")).isEqualTo("20");
        assertThat(after.getString("validFrom")).isEqualTo("2025-07-01");
        assertThat(after.getString("validTo")).isNull();
    }

    @Test
    void mergedCommuneExistsAtTheSeedInspectionAndNotAfterwards() {
        JsonPath thuongCuong = unit("06490", "2022-07-20");
        assertThat(thuongCuong.getString("name")).isEqualTo("Xã Thượng Cường");
        assertThat(thuongCuong.getString("parentCode")).isEqualTo("187");
        assertThat(thuongCuong.getString("provinceCode")).isEqualTo("20");
        assertThat(thuongCuong.getInt("region")).isEqualTo(1);
        assertThat(thuongCuong.getString("validFrom")).isEqualTo("1900-01-01");

        given().queryParam("at", "2026-01-01").get("/admin-units/06490").then().statusCode(404)
                .contentType("application/problem+json").body("status", org.hamcrest.Matchers.equalTo(404))
                .body("instance", org.hamcrest.Matchers.endsWith("/admin-units/06490"))
                .body("detail", org.hamcrest.Matchers.containsString("01/01/2026"));
    }

    @Test
    void todayIsTheDefaultDate() {
        // 06490 ceased on 2025-06-30; 06475 means Bằng Mạc from 2025-07-01 on
        given().get("/admin-units/06490").then().statusCode(404);
        assertThat(given().get("/admin-units/06475").then().statusCode(200).extract().jsonPath().getString("name"))
                .isEqualTo("Xã Bằng Mạc");
    }

    @Test
    void thuongCuongIsSucceededByBangMac() {
        JsonPath successors = given().queryParam("at", "2025-06-30").get("/admin-units/06490/successors").then()
                .statusCode(200).extract().jsonPath();

        assertThat(successors.getList("code")).containsExactly("06475");
        assertThat(successors.getString("[0].name")).isEqualTo("Xã Bằng Mạc");
        assertThat(successors.getString("[0].validFrom")).isEqualTo("2025-07-01");
        assertThat(successors.getString("[0].effectiveOn")).isEqualTo("2025-07-01");
        assertThat(successors.getString("[0].legalBasis")).contains("NQ-UBTVQH15");
    }

    @Test
    void bangMacWasFormedFromFourCommunesIncludingThuongCuong() {
        JsonPath predecessors = given().queryParam("at", "2026-01-01").get("/admin-units/06475/predecessors").then()
                .statusCode(200).extract().jsonPath();

        assertThat(predecessors.getList("code")).containsExactlyInAnyOrder("06475", "06487", "06490", "06493");
        assertThat(predecessors.getList("name")).contains("Xã Thượng Cường", "Xã Gia Lộc");
        // Gia Lộc, the old meaning of 06475, has Bằng Mạc as successor; Bằng Mạc itself has none yet
        assertThat(given().queryParam("at", "2024-06-01").get("/admin-units/06475/successors").then().statusCode(200)
                .extract().jsonPath().getList("name")).containsExactly("Xã Bằng Mạc");
        assertThat(given().queryParam("at", "2026-01-01").get("/admin-units/06475/successors").then().statusCode(200)
                .extract().jsonPath().getList("code")).isEmpty();
    }

    @Test
    void searchIgnoresDiacriticsAndCase() {
        for (String q : List.of("thuong cuong", "THƯỢNG CƯỜNG", "Thượng  Cường")) {
            JsonPath page = given().queryParam("q", q).queryParam("at", "2022-07-20").get("/admin-units").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(page.getList("items.code")).as(q).contains("06490");
            assertThat(page.getList("items.name", String.class)).as(q)
                    .allMatch(n -> n.contains("Thượng Cường"));
        }
        assertThat(given().queryParam("q", "thuong cuong").queryParam("at", "2026-01-01").get("/admin-units").then()
                .statusCode(200).extract().jsonPath().getList("items.code")).doesNotContain("06490");
        // unaccent folds the full-width ％ ＿ (and the small ﹪) to % _: escaped after folding, they match only
        // themselves, which no name in the register holds
        for (String q : List.of("％", "＿", "﹪", "thuong＿cuong", "THUONG％CUONG")) {
            given().queryParam("q", q).queryParam("at", "2022-07-20").get("/admin-units").then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.equalTo(0));
        }
    }

    @Test
    void seededRegisterHasTheOfficialCountsBeforeAndAfterTheReorganisation() {
        assertThat(total("province", "2025-03-01")).isEqualTo(63);
        assertThat(total("district", "2025-03-01")).isEqualTo(696);
        assertThat(total("commune", "2025-03-01")).isEqualTo(10_047);
        assertThat(total("province", "2025-08-01")).isEqualTo(34);
        assertThat(total("district", "2025-08-01")).isEqualTo(0);
        assertThat(total("commune", "2025-08-01")).isEqualTo(3_321);
    }

    @Test
    void listsTheCommunesOfADistrictPageByPage() {
        JsonPath first = given().queryParam("parent", "187").queryParam("at", "2022-07-20").queryParam("size", "15")
                .get("/admin-units").then().statusCode(200).extract().jsonPath();
        assertThat(first.getInt("total")).isEqualTo(20);
        assertThat(first.getInt("page")).isEqualTo(0);
        assertThat(first.getInt("size")).isEqualTo(15);
        assertThat(first.getList("items")).hasSize(15);
        assertThat(first.getList("items.level")).containsOnly("commune");
        JsonPath second = given().queryParam("parent", "187").queryParam("at", "2022-07-20").queryParam("size", "15")
                .queryParam("page", "1").get("/admin-units").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items")).hasSize(5);
        assertThat(given().queryParam("province", "20").queryParam("level", "commune").queryParam("at", "2026-01-01")
                .get("/admin-units").then().statusCode(200).extract().jsonPath().getInt("total")).isEqualTo(65);
    }

    @Test
    void theLinkHeaderLeadsThroughThePagesLikeTheTaskList() {
        io.restassured.response.Response first = given().queryParam("parent", "187").queryParam("at", "2022-07-20")
                .queryParam("size", "15").get("/admin-units");
        first.then().statusCode(200);
        assertThat(first.jsonPath().getBoolean("totalExact")).isTrue();
        String links = first.header("Link");
        assertThat(link(links, "prev")).isNull();
        assertThat(link(links, "first")).contains("parent=187").contains("at=2022-07-20").endsWith("&page=0");
        assertThat(link(links, "last")).endsWith("&page=1");
        assertThat(link(links, "next")).endsWith("&after=" + first.jsonPath().getString("next"));

        JsonPath second = given().urlEncodingEnabled(false).get(link(links, "next")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(second.getInt("page")).isEqualTo(1);
        assertThat(second.getList("items")).hasSize(5);
        assertThat(second.getString("next")).isNull();
        assertThat(second.getList("items.code")).doesNotContainAnyElementsOf(first.jsonPath().getList("items.code"));
        assertThat(link(given().urlEncodingEnabled(false).get(link(links, "next")).header("Link"), "next")).isNull();
        assertBadRequest(given().queryParam("after", "nope").get("/admin-units"), "after");
        assertBadRequest(given().queryParam("after", first.jsonPath().getString("next")).queryParam("page", "1")
                .get("/admin-units"), "page");
    }

    private static String link(String header, String rel) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<([^>]*)>; rel=\"" + rel + "\"").matcher(header);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void vietnameseNamesRoundTripByteForByte() {
        byte[] body = given().queryParam("at", "2022-07-20").get("/admin-units/06490").then().statusCode(200)
                .extract().asByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"name\":\"Xã Thượng Cường\"");
    }

    @Test
    void badParametersAreProblems() {
        assertBadRequest(given().queryParam("at", "2025-13-01").get("/admin-units/06490"), "at");
        assertBadRequest(given().queryParam("at", "20/07/2022").get("/admin-units"), "at");
        assertBadRequest(given().queryParam("level", "village").get("/admin-units"), "level");
        assertBadRequest(given().get("/admin-units/abc"), "code");
        assertBadRequest(given().get("/admin-units/0649"), "code");
        assertBadRequest(given().queryParam("parent", "18x").get("/admin-units"), "parent");
        assertBadRequest(given().queryParam("size", "0").get("/admin-units"), "size");
        assertBadRequest(given().queryParam("page", "-1").get("/admin-units"), "page");
        assertBadRequest(given().queryParam("q", "x".repeat(201)).get("/admin-units"), "q");
        assertBadRequest(given().queryParam("at", "yesterday").get("/admin-units/06490/successors"), "at");
    }

    private static void assertBadRequest(io.restassured.response.Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json");
        assertThat(response.jsonPath().getList("errors.field")).as(field).contains(field);
    }

    private static int total(String level, String at) {
        return given().queryParam("level", level).queryParam("at", at).queryParam("size", "1").get("/admin-units")
                .then().statusCode(200).extract().jsonPath().getInt("total");
    }

    private static JsonPath unit(String code, String at) {
        return given().queryParam("at", at).get("/admin-units/" + code).then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }
}
