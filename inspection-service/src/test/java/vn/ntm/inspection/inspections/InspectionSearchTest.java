package vn.ntm.inspection.inspections;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.RegisterFixture;
import vn.ntm.inspection.fixtures.SeedInspection;
import vn.ntm.platform.http.PageLinks;
import vn.ntm.platform.http.SearchTerms;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/**
 * {@code q} finds inspections by their communes', district's, province's and lead agency's names and their title
 * as people type them: without diacritics and in any case; the trigram indexes serve it.
 */
@QuarkusTest
class InspectionSearchTest {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void catalogHasTheSeedSet() {
        CatalogFixture.ensureSeedSet(db);
    }

    @Test
    void withoutDiacriticsAndInCapitalsTheSameInspectionsAreFound() {
        String seed = SeedInspection.enter();
        List<String> plain = ids("thuong cuong");
        List<String> capitals = ids("THƯỢNG CƯỜNG");
        assertThat(plain).isNotEmpty().contains(seed).containsExactlyInAnyOrderElementsOf(capitals);
        assertThat(ids("Thượng Cường")).containsExactlyInAnyOrderElementsOf(plain);
    }

    @Test
    void everyWordMustOccurInTheCommunesDistrictLeadAgencyOrTitle() {
        String commune = Api.uniqueCommune();
        String name = RegisterFixture.langSonCommunes2025().stream().filter(r -> r.code().equals(commune))
                .findFirst().orElseThrow().name();
        String token = "kt" + UUID.randomUUID().toString().substring(0, 8);
        String id = Api.json().body(Api.inspectionBody("Kiểm tra " + token + " đạt 95%", commune, "2023-05-10"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        String district = Api.reader().get("/inspections/" + id).then().statusCode(200).extract()
                .path("district.name");

        assertThat(ids(token + " " + fold(name))).containsExactly(id);
        assertThat(ids(token.toUpperCase(Locale.ROOT) + " " + name.toUpperCase(Locale.ROOT))).containsExactly(id);
        assertThat(ids(token + " " + fold(district))).containsExactly(id);
        assertThat(ids(token + " thuong binh xa hoi")).containsExactly(id);
        assertThat(ids(token + " lang son")).containsExactly(id);
        assertThat(ids(token + " khong co dau")).isEmpty();
        // unaccent folds the full-width ％ ＿ ！ (and the small ﹪) to % _ !: escaped after folding, they match only
        // themselves (the title holds "95%", no "_" and no "!")
        for (String q : List.of("＿", "9＿％", "﹪﹪", "ｄａｔ！", "_", "9_%")) {
            assertThat(ids(token + " " + q)).as(q).isEmpty();
        }
        for (String q : List.of("%", "％", "95％", "９５﹪")) {
            assertThat(ids(token + " " + q)).as(q).containsExactly(id);
        }
        // the other filters still apply
        Api.reader().queryParam("q", token).queryParam("status", "FINALIZED").get("/inspections").then()
                .statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aBadSearchIsRefusedOnQ() {
        Api.reader().queryParam("q", "x".repeat(201)).get("/inspections").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("q"));
        Api.reader().queryParam("q", "a\u0001").get("/inspections").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("q"));
    }

    @Test
    void bothBranchesOfTheSearchAreServedByTheirTrigramIndexes() throws SQLException {
        String like = " like " + SearchTerms.containsPattern("ntm_fold($1)") + SearchTerms.ESCAPE_CLAUSE;
        String plan = plan("select id from inspection where ntm_inspection_search(title, province_name,"
                + " district_name, lead_agency)" + like);
        assertThat(plan).contains("inspection_search");
        assertThat(plan("select inspection_id from inspection_commune where ntm_fold(name)" + like))
                .contains("inspection_commune_search");
    }

    /** The generic plan of a prepared statement (the pattern unknown), as the application's statements get. */
    private String plan(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("set local enable_seqscan = off");
            st.execute("set local plan_cache_mode = force_generic_plan");
            st.execute("prepare search_plan(text) as " + sql);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery("explain execute search_plan('thuong')")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            st.execute("deallocate search_plan");
            c.rollback();
            return plan.toString();
        }
    }

    @Test
    void theListIsSortedAndPagedLikeTheTaskListWithLinkHeaders() {
        String token = "pg" + UUID.randomUUID().toString().substring(0, 8);
        String b = create("Bản " + token + " B", "2023-03-01");
        String c = create("Cuộc " + token + " C", "2023-01-15");
        String a = create("Đợt " + token + " A", "2023-02-10");

        // newest first by default; sort by title, date or recording time, each either way
        assertThat(ids(token, null)).containsExactly(b, a, c);
        assertThat(ids(token, "inspectedOn")).containsExactly(c, a, b);
        assertThat(ids(token, "-createdAt")).containsExactly(a, c, b);
        assertThat(ids(token, "title")).containsExactly(b, c, a);

        io.restassured.response.Response first = Api.reader().queryParam("q", token).queryParam("sort", "inspectedOn").queryParam("size", 2).get("/inspections");
        first.then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(3))
                .body("page", org.hamcrest.Matchers.equalTo(0)).body("size", org.hamcrest.Matchers.equalTo(2))
                .body("totalExact", org.hamcrest.Matchers.equalTo(true));
        String links = first.header("Link");
        assertThat(link(links, "prev")).isNull();
        assertThat(link(links, "first")).contains("sort=inspectedOn").contains("size=2").endsWith("&page=0");
        assertThat(link(links, "last")).endsWith("&page=1");
        String next = link(links, "next");
        assertThat(next).endsWith("&after=" + first.path("next"));
        assertThat(first.jsonPath().getList("items.id")).containsExactly(c, a);

        io.restassured.response.Response second = Api.reader().urlEncodingEnabled(false).get(next);
        second.then().statusCode(200).body("page", org.hamcrest.Matchers.equalTo(1))
                .body("next", org.hamcrest.Matchers.nullValue());
        assertThat(second.jsonPath().getList("items.id")).containsExactly(b);
        assertThat(link(second.header("Link"), "next")).isNull();
        assertThat(link(second.header("Link"), "prev")).endsWith("&page=0");
    }

    @Test
    void anUnknownSortAForgedCursorOrACursorWithAPageAreRefused() {
        Api.reader().queryParam("sort", "province").get("/inspections").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("sort"));
        Api.reader().queryParam("after", "' OR 1=1 --").get("/inspections").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("after"));
        Api.reader().queryParam("after", PageLinks.positionCursor(1)).queryParam("page", 1).get("/inspections")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("page"));
    }

    private static String create(String title, String date) {
        return Api.json().body(Api.inspectionBody(title, Api.uniqueCommune(), date)).post("/inspections").then()
                .statusCode(201).extract().path("id");
    }

    private static List<String> ids(String q, String sort) {
        var request = Api.reader().queryParam("q", q);
        if (sort != null) {
            request.queryParam("sort", sort);
        }
        return request.get("/inspections").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    private static String link(String header, String rel) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<([^>]*)>; rel=\"" + rel + "\"").matcher(header);
        return m.find() ? m.group(1) : null;
    }

    private static List<String> ids(String q) {
        return Api.reader().queryParam("q", q).queryParam("size", 100).get("/inspections").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd')
                .replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }
}
