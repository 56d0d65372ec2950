package vn.ntm.criteria.sets;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.ntm.criteria.SetFixtures;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class SeededCatalogTest {

    /** Copied from DOMAIN.md §2 (precomposed Unicode, as written there). */
    static final List<String> NAMES_2021_2025 = List.of("Quy hoạch", "Giao thông", "Thủy lợi và phòng, chống thiên tai",
            "Điện", "Trường học", "Cơ sở vật chất văn hóa", "Cơ sở hạ tầng thương mại nông thôn",
            "Thông tin và Truyền thông", "Nhà ở dân cư", "Thu nhập", "Nghèo đa chiều", "Lao động",
            "Tổ chức sản xuất và phát triển kinh tế nông thôn", "Giáo dục và Đào tạo", "Y tế", "Văn hóa",
            "Môi trường và an toàn thực phẩm", "Hệ thống chính trị và tiếp cận pháp luật", "Quốc phòng và An ninh");
    static final List<String> GROUPS = List.of("I", "II", "II", "II", "II", "II", "II", "II", "II", "III", "III",
            "III", "III", "IV", "IV", "IV", "IV", "V", "V");
    static final List<List<String>> SECTORS = List.of(List.of("XD"), List.of("GTVT"), List.of("NNPTNT"),
            List.of("CT"), List.of("GDDT"), List.of("VHTTDL"), List.of("CT"), List.of("TTTT"), List.of("XD"),
            List.of("NNPTNT"), List.of("LDTBXH"), List.of("LDTBXH"), List.of("NNPTNT"), List.of("GDDT"),
            List.of("YT", "BHXH"), List.of("VHTTDL"), List.of("TNMT", "YT", "NNPTNT", "CT"),
            List.of("NV", "TP", "LDTBXH"), List.of("QS", "CA"));

    @Test
    void seedsTheNineteenCriteriaOf2021To2025WithGroupsAndSectors() {
        JsonPath set = given().get("/criteria-sets/XA_NTM_2021_2025").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();

        assertThat(set.getString("status")).isEqualTo("PUBLISHED");
        assertThat(set.getString("level")).isEqualTo("COMMUNE");
        assertThat(set.getString("tier")).isEqualTo("NTM");
        assertThat(set.getString("legalBasis")).contains("318/QĐ-TTg").contains("08/03/2022");
        assertThat(set.getList("criteria.number", Integer.class))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertThat(set.getList("criteria.name", String.class)).containsExactlyElementsOf(NAMES_2021_2025);
        assertThat(set.getList("criteria.group", String.class)).containsExactlyElementsOf(GROUPS);
        for (int i = 0; i < 19; i++) {
            assertThat(set.getList("criteria[" + i + "].sectors.code", String.class)).as("sectors of " + (i + 1))
                    .containsExactlyElementsOf(SECTORS.get(i));
        }
        assertThat(set.getString("criteria[1].sectors[0].name")).isEqualTo("Giao thông vận tải");
        assertThat(set.getList("groups.code", String.class)).containsExactly("I", "II", "III", "IV", "V");
        assertThat(set.getList("groups.name", String.class)).containsExactly("Quy hoạch", "Hạ tầng kinh tế – xã hội",
                "Kinh tế và tổ chức sản xuất", "Văn hóa – Xã hội – Môi trường", "Hệ thống chính trị");
        assertThat(set.getList("criteria.indicators.code.flatten()", String.class))
                .containsExactly("15.1", "17.8", "18.5", "18.6", "19.1", "19.2");
        assertThat(set.getList("criteria[16].indicators[0].sectors.code", String.class))
                .containsExactly("YT", "NNPTNT", "CT");
        assertThat(set.getList("criteria[14].indicators[0].sectors.code", String.class)).containsExactly("BHXH");
        assertThat(set.getList("criteria.indicators.thresholds.flatten().flatten()")).isEmpty();
    }

    @Test
    void seedsThe2016To2020SetWithItsOwnNames() {
        JsonPath set = given().get("/criteria-sets/XA_NTM_2016_2020").then().statusCode(200).extract().jsonPath();

        List<String> expected = new java.util.ArrayList<>(NAMES_2021_2025);
        expected.set(2, "Thủy lợi");
        expected.set(10, "Hộ nghèo");
        expected.set(11, "Lao động có việc làm");
        expected.set(12, "Tổ chức sản xuất");
        assertThat(set.getList("criteria.name", String.class)).containsExactlyElementsOf(expected);
        assertThat(set.getString("status")).isEqualTo("PUBLISHED");
        assertThat(set.getString("legalBasis")).contains("1980/QĐ-TTg").contains("17/10/2016");
        assertThat(set.getList("criteria.group", String.class)).containsExactlyElementsOf(GROUPS);
        assertThat(set.getList("criteria[16].sectors.code", String.class)).containsExactly("TNMT", "YT", "NNPTNT", "CT");
    }

    @Test
    void seedsTheAdvancedAndModelSetsByNameAndLegalBasisForAdministratorsToComplete() {
        JsonPath advanced = given().get("/criteria-sets/XA_NTM_NANG_CAO_2021_2025").then().statusCode(200)
                .extract().jsonPath();
        assertThat(advanced.getString("tier")).isEqualTo("NTM_NANG_CAO");
        assertThat(advanced.getString("name")).contains("nông thôn mới nâng cao");
        assertThat(advanced.getString("legalBasis")).contains("318/QĐ-TTg", "Phụ lục II");
        assertThat(advanced.getString("status")).isEqualTo("DRAFT");
        assertThat(advanced.getList("criteria")).isEmpty();
        JsonPath model = given().get("/criteria-sets/XA_NTM_KIEU_MAU_2021_2025").then().statusCode(200)
                .extract().jsonPath();
        assertThat(model.getString("tier")).isEqualTo("NTM_KIEU_MAU");
        assertThat(model.getString("name")).contains("kiểu mẫu");
        assertThat(model.getString("legalBasis")).contains("319/QĐ-TTg");
        assertThat(model.getString("status")).isEqualTo("DRAFT");
    }

    @Test
    void listsSetsAndOneCriterion() {
        given().get("/criteria-sets?status=PUBLISHED").then().statusCode(200)
                .body("code", hasItems("XA_NTM_2021_2025", "XA_NTM_2016_2020"));
        given().get("/criteria-sets/XA_NTM_2021_2025/criteria/17").then().statusCode(200)
                .body("name", equalTo("Môi trường và an toàn thực phẩm"))
                .body("indicators[0].code", equalTo("17.8"));
        given().get("/criteria-sets/XA_NTM_2021_2025/criteria/20").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/criteria-sets/NO_SUCH_SET").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void servesTheReferenceLists() {
        given().get("/regions").then().statusCode(200).body("size()", equalTo(7))
                .body("find { it.number == 1 }.name", equalTo("Trung du và miền núi phía Bắc"));
        // the 15 sectors of V2, then the successors the seeded succession of 1 March 2025 created
        given().get("/sectors").then().statusCode(200).body("size()", equalTo(17))
                .body("code", equalTo(List.of("XD", "GTVT", "NNPTNT", "CT", "GDDT", "VHTTDL", "TTTT", "LDTBXH",
                        "YT", "BHXH", "TNMT", "NV", "TP", "QS", "CA", "NNMT", "KHCN")))
                .body("find { it.code == 'LDTBXH' }.name", equalTo("Lao động – Thương binh và Xã hội"));
        given().get("/provinces/20").then().statusCode(200)
                .body("name", equalTo("Lạng Sơn")).body("region", equalTo(1));
    }

    @Test
    void addsAProvinceThroughTheApi() {
        String code = "01"; // fresh database per test JVM; no other test adds a province
        SetFixtures.post("/provinces", "{\"code\":\"01\",\"name\":\"Hà Nội\",\"region\":2}").statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/provinces/01"))
                .body("name", equalTo("Hà Nội")).body("region", equalTo(2));
        given().get("/provinces").then().statusCode(200).body("code", hasItem(code));
        SetFixtures.post("/provinces", "{\"code\":\"20\",\"name\":\"Lạng Sơn\",\"region\":1}").statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("DUPLICATE_PROVINCE"));
        SetFixtures.post("/provinces", "{\"code\":\"2x\",\"name\":\"\",\"region\":8}").statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("code", "name", "region"));
    }

    @Test
    void searchIgnoresDiacriticsAndCase() {
        JsonPath transport = given().queryParam("q", "giao thong").get("/criteria").then().statusCode(200)
                .extract().jsonPath();
        assertThat(transport.getList("findAll { it.setCode == 'XA_NTM_2021_2025' }.criterionName", String.class))
                .contains("Giao thông");

        JsonPath environment = given().queryParam("q", "MOI TRUONG").get("/criteria").then().statusCode(200)
                .extract().jsonPath();
        assertThat(environment.getList("criterionName", String.class)).contains("Môi trường và an toàn thực phẩm");

        JsonPath indicator = given().queryParam("q", "an toan thuc pham").queryParam("set", "XA_NTM_2021_2025")
                .get("/criteria").then().statusCode(200).extract().jsonPath();
        assertThat(indicator.getList("indicatorCode", String.class)).contains("17.8");

        JsonPath law = given().queryParam("q", "tiep can phap luat").get("/criteria").then().statusCode(200)
                .extract().jsonPath();
        assertThat(law.getList("", Map.class)).anySatisfy(hit -> assertThat(hit.get("indicatorCode")).isEqualTo("18.5"));

        given().queryParam("q", " ").get("/criteria").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"));

        // unaccent folds the full-width ％ ＿ (and the small ﹪) to % _: escaped after folding, they match only
        // themselves, which no name of the seeded set holds
        for (String q : List.of("％", "＿", "﹪", "giao＿thong", "GIAO％THONG")) {
            given().queryParam("q", q).queryParam("set", "XA_NTM_2021_2025").get("/criteria").then().statusCode(200)
                    .body("size()", equalTo(0));
        }
    }

    @Test
    void answersAConditionalGetWith304() {
        String etag = given().get("/criteria-sets/XA_NTM_2021_2025").then().statusCode(200)
                .extract().header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");

        given().header("If-None-Match", etag).get("/criteria-sets/XA_NTM_2021_2025").then().statusCode(304);
        given().header("If-None-Match", "\"stale\"").get("/criteria-sets/XA_NTM_2021_2025").then().statusCode(200)
                .header("ETag", equalTo(etag));
        String listTag = given().get("/sectors").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", listTag).get("/sectors").then().statusCode(304);
    }
}
