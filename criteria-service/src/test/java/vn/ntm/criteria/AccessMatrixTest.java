package vn.ntm.criteria;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.ntm.testinfra.Management;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.ntm.criteria.SetFixtures.createDraft;
import static vn.ntm.criteria.SetFixtures.uniqueCode;
import static vn.ntm.criteria.SetFixtures.validDraft;

/**
 * Every endpoint × every caller of SECURITY.md, one asserted status per cell. The catalog is public to read and to
 * evaluate (a token is ignored); every write is {@code admin} only; metrics are for {@code ops} and {@code admin}.
 * A write cell that succeeds works on fresh data. The refused callers of a row share one fixture, and each refused
 * write is checked to have left it unchanged before the next caller tries: every refusal still meets the data as it
 * was made. The refused cells of a row run before its successful ones, which change the data.
 */
@QuarkusTest
class AccessMatrixTest {
    private static final String SET = "XA_NTM_2021_2025";

    private static final List<String> CALLERS = List.of("no token", "admin", "inspector(20)", "inspector(01)",
            "org(UBND_XA:06490)", "org(UBND_XA:06250)", "viewer(20)", "viewer(01)", "ops");

    private static List<Row> matrix() {
        return List.of(
                //                                                                        none admin i20  i01  org  org' v20  v01  ops
                row("GET  /criteria-sets", read(s -> s.get("/criteria-sets")),               200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("GET  /criteria-sets/{code}", read(s -> s.get("/criteria-sets/" + SET)), 200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("GET  /criteria-sets/{code}/criteria/{number}",
                        read(s -> s.get("/criteria-sets/" + SET + "/criteria/2")),           200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("GET  /criteria-sets/{code}/export",
                        read(s -> s.get("/criteria-sets/" + SET + "/export")),               200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("POST /criteria-sets/{code}/evaluate", read(s -> json(s,
                        "{\"region\": 1, \"year\": 2023, \"values\": {}}").post("/criteria-sets/" + SET + "/evaluate")),
                                                                                             200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("GET  /criteria?q=", read(s -> s.queryParam("q", "giao thong").get("/criteria")),
                                                                                             200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("GET  /regions", read(s -> s.get("/regions")),                           200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("GET  /sectors", read(s -> s.get("/sectors")),                           200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("GET  /provinces", read(s -> s.get("/provinces")),                       200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("GET  /provinces/{code}", read(s -> s.get("/provinces/20")),             200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("POST /criteria-sets (create, import)", AccessMatrixTest::createCell,    401, 201, 403, 403, 403, 403, 403, 403, 403),
                row("PUT  /criteria-sets/{code}", AccessMatrixTest::editCell,                401, 200, 403, 403, 403, 403, 403, 403, 403),
                row("POST /criteria-sets/{code}/criteria/{n}/indicators/{i}/thresholds",
                        AccessMatrixTest::thresholdCell,                                     401, 201, 403, 403, 403, 403, 403, 403, 403),
                row("POST /criteria-sets/{code}/publish", AccessMatrixTest::publishCell,     401, 200, 403, 403, 403, 403, 403, 403, 403),
                row("POST /criteria-sets/{code}/retire", AccessMatrixTest::retireCell,       401, 200, 403, 403, 403, 403, 403, 403, 403),
                row("POST /provinces", AccessMatrixTest::provinceCell,                       401, 201, 403, 403, 403, 403, 403, 403, 403),
                row("GET  /admin-units", read(s -> s.queryParam("q", "thuong cuong").get("/admin-units")),
                                                                                             200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("GET  /admin-units/{code}", read(s -> s.get("/admin-units/06475")),   200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("GET  /admin-units/{code}/successors",
                        read(s -> s.queryParam("at", "2025-06-30").get("/admin-units/06490/successors")),
                                                                                             200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("GET  /admin-units/{code}/predecessors", read(s -> s.get("/admin-units/06475/predecessors")),
                                                                                             200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("GET  /admin-units/{code}/flags", read(s -> s.get("/admin-units/06475/flags")),
                                                                                             200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("POST /admin-units/imports", AccessMatrixTest::importCell,               401, 200, 403, 403, 403, 403, 403, 403, 403),
                row("POST /sectors/imports", AccessMatrixTest::sectorImportCell,             401, 200, 403, 403, 403, 403, 403, 403, 403),
                row("PUT  /admin-units/{code}/flags", AccessMatrixTest::flagsCell,           401, 200, 403, 403, 403, 403, 403, 403, 403),
                row("GET  /q/metrics (API port)", read(s -> s.get("/q/metrics")),            404, 404, 404, 404, 404, 404, 404, 404, 404),
                // the management interface takes no token: whatever the caller sends, it answers
                row("GET  /q/metrics (management)", read(s -> s.port(Management.port()).get("/q/metrics")),
                                                                                             200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("GET  /q/health/ready (management)",
                        read(s -> s.port(Management.port()).get("/q/health/ready")),
                                                                                             200, 200, 200, 200, 200, 200, 200, 200, 200),
                row("GET  /q/openapi", read(s -> s.get("/q/openapi")),                       200, 200, 200, 200, 200, 200, 200, 200, 200));
    }

    private static List<String> bearers() {
        return java.util.Arrays.asList(null, AuthFixture.admin(), AuthFixture.inspector("20"),
                AuthFixture.inspector("01"), AuthFixture.org("UBND_XA:06490"), AuthFixture.org("UBND_XA:06250"),
                AuthFixture.viewer("20"), AuthFixture.viewer("01"), AuthFixture.ops());
    }

    @TestFactory
    List<DynamicTest> everyEndpointAnswersEveryCallerAsSpecified() {
        List<String> bearers = bearers();
        List<DynamicTest> cells = new ArrayList<>();
        for (Row row : matrix()) {
            assertThat(row.expected()).as(row.endpoint()).hasSize(CALLERS.size());
            Supplier<Cell> shared = once(row.prepare());
            List<DynamicTest> allowed = new ArrayList<>();
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                String bearer = bearers.get(i);
                int expected = row.expected()[i];
                boolean refused = expected == 401 || expected == 403;
                Supplier<Cell> prepare = refused ? shared : row.prepare();
                DynamicTest cell = DynamicTest.dynamicTest(row.endpoint() + " as " + caller + " -> " + expected,
                        () -> assertCell(row, prepare.get(), bearer, expected));
                if (refused) {
                    cells.add(cell);
                } else {
                    allowed.add(cell);
                }
            }
            cells.addAll(allowed);
        }
        return cells;
    }

    /** The fixture made on first use and reused after (refused writes leave it as it was, which each cell checks). */
    private static Supplier<Cell> once(Supplier<Cell> prepare) {
        Cell[] made = new Cell[1];
        return () -> {
            if (made[0] == null) {
                made[0] = prepare.get();
            }
            return made[0];
        };
    }

    private static void assertCell(Row row, Cell cell, String bearer, int expected) {
        RequestSpecification spec = given();
        if (bearer != null) {
            spec = spec.header("Authorization", bearer);
        }
        Response response = cell.send().apply(spec);
        assertThat(response.statusCode()).as(row.endpoint()).isEqualTo(expected);
        if (expected == 401 || expected == 403) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getInt("status")).isEqualTo(expected);
            if (expected == 401) {
                assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
            }
            cell.unchanged().run();
        }
    }

    // ---- cells: reads share the seed; a write fixture says how to check that a refused write changed nothing

    private static Supplier<Cell> read(Function<RequestSpecification, Response> send) {
        return () -> new Cell(send, () -> { });
    }

    private static Cell createCell() {
        String code = uniqueCode("ACL_NEW");
        return new Cell(s -> json(s, validDraft(code)).post("/criteria-sets"),
                () -> given().get("/criteria-sets/" + code).then().statusCode(404));
    }

    private static Cell editCell() {
        String code = uniqueCode("ACL_EDIT");
        createDraft(code);
        return new Cell(s -> json(s, validDraft(code).replace("Giao thông", "Giao thông đã sửa"))
                .put("/criteria-sets/" + code),
                () -> assertThat(given().get("/criteria-sets/" + code).then().statusCode(200).extract().jsonPath()
                        .getString("criteria[1].name")).isEqualTo("Giao thông"));
    }

    private static Cell thresholdCell() {
        String code = uniqueCode("ACL_THR");
        createDraft(code);
        return new Cell(s -> json(s, "{\"kind\": \"PERCENT_MIN\", \"value\": 80}")
                .post("/criteria-sets/" + code + "/criteria/2/indicators/2.1/thresholds"),
                () -> assertThat(given().get("/criteria-sets/" + code).then().statusCode(200).extract().jsonPath()
                        .getList("criteria[1].indicators[0].thresholds")).isEmpty());
    }

    private static Cell publishCell() {
        String code = uniqueCode("ACL_PUB");
        createDraft(code);
        return new Cell(s -> json(s, "").post("/criteria-sets/" + code + "/publish"), () -> assertStatus(code, "DRAFT"));
    }

    private static Cell retireCell() {
        String code = uniqueCode("ACL_RET");
        createDraft(code);
        SetFixtures.post("/criteria-sets/" + code + "/publish", "").statusCode(200);
        return new Cell(s -> json(s, "").post("/criteria-sets/" + code + "/retire"), () -> assertStatus(code, "PUBLISHED"));
    }

    /** Province 96 is new to the seed; only the admin cell may add it, so a refused call leaves the list as it was. */
    private static Cell provinceCell() {
        List<String> before = given().get("/provinces").then().statusCode(200).extract().jsonPath().getList("code");
        return new Cell(s -> json(s, "{\"code\": \"96\", \"name\": \"Tỉnh thử nghiệm\", \"region\": 3}")
                .post("/provinces"),
                () -> assertThat(given().get("/provinces").then().statusCode(200).extract().jsonPath()
                        .<String>getList("code")).isEqualTo(before));
    }

    /** The shipped province successions: the admin's import changes nothing either, so every cell starts equal. */
    private static Cell importCell() {
        String csv = AdminUnitFixtures.registerFile("succession-provinces-2025-07.csv");
        List<Object> before = given().queryParam("at", "2025-06-30").get("/admin-units/83/successors").then()
                .statusCode(200).extract().jsonPath().getList("code");
        return new Cell(s -> s.contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/admin-units/imports"),
                () -> assertThat(given().queryParam("at", "2025-06-30").get("/admin-units/83/successors").then()
                        .statusCode(200).extract().jsonPath().getList("code")).isEqualTo(before));
    }

    /** The shipped sector succession: the admin's import changes nothing either, so every cell starts equal. */
    private static Cell sectorImportCell() {
        String csv;
        try (java.io.InputStream in = AccessMatrixTest.class.getResourceAsStream(
                "/sectors/sector-succession-2025-03.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String before = given().get("/sectors").then().statusCode(200).extract().asString();
        return new Cell(s -> s.contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/sectors/imports"),
                () -> assertThat(given().get("/sectors").then().statusCode(200).extract().asString())
                        .isEqualTo(before));
    }

    /** Xã Chiến Thắng (06481, from 2025-07-01) has no status until the admin cell sets one. */
    private static Cell flagsCell() {
        List<Object> before = given().get("/admin-units/06481/flags").then().statusCode(200).extract().jsonPath()
                .getList("$");
        return new Cell(s -> json(s, "{\"especiallyDisadvantaged\": true, \"safeZone\": false,"
                        + " \"validFrom\": \"2025-07-01\"}").put("/admin-units/06481/flags"),
                () -> assertThat(given().get("/admin-units/06481/flags").then().statusCode(200).extract().jsonPath()
                        .getList("$")).isEqualTo(before));
    }

    private static void assertStatus(String code, String status) {
        assertThat(given().get("/criteria-sets/" + code).then().statusCode(200).extract().jsonPath()
                .getString("status")).isEqualTo(status);
    }

    private static RequestSpecification json(RequestSpecification spec, String body) {
        return spec.contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
    }

    private static Row row(String endpoint, Supplier<Cell> prepare, int... expected) {
        return new Row(endpoint, prepare, expected);
    }

    private record Row(String endpoint, Supplier<Cell> prepare, int[] expected) {
    }

    private record Cell(Function<RequestSpecification, Response> send, Runnable unchanged) {
    }
}
