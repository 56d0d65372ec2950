package vn.ntm.inspection.shared;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.Db;
import vn.ntm.testinfra.Management;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Every endpoint of inspection-service × every kind of caller (README "Access control"). A cell is the expected
 * status; {@code 200:n} also expects n visible items (list {@code items}, history {@code inspections}).
 * The inspection under test belongs to Lạng Sơn (province 20); province 01 is another province. A write that
 * succeeds gets an inspection of its own; the refused callers of a row (401, 403, 404) share one, which a refusal
 * leaves as it was for the next.
 */
@QuarkusTest
class AccessMatrixTest {

    @Inject
    AgroalDataSource db;

    /** The columns of the matrix, in order. {@code org(matching)} names the inspected commune and district. */
    private static final List<String> CALLERS = List.of("no token", "admin", "inspector(20)", "inspector(01)",
            "org(matching)", "org(other)", "viewer(20)", "viewer(01)", "ops");

    /** A row: {@code call} gets the row's fixture (made by {@code fixture}, may be null) and the caller's token. */
    private record Row(String endpoint, Supplier<Target> fixture, BiFunction<Target, String, Response> call,
                       String... expected) {
        Row(String endpoint, Function<String, Response> call, String... expected) {
            this(endpoint, () -> null, (target, token) -> call.apply(token), expected);
        }
    }

    /** An inspection a write cell works on, the commune of its findings and a recommendation of it (or null). */
    private record Target(String id, String commune, String recommendation) {
        Target(String id, String commune) {
            this(id, commune, null);
        }
    }

    private Map<String, String> tokens(String commune) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("admin", Auth.admin());
        tokens.put("inspector(20)", Auth.inspector("20"));
        tokens.put("inspector(01)", Auth.inspector("01"));
        tokens.put("org(matching)", Auth.tokens().token("org-matching", "org").org("UBND_XA:" + commune)
                .org("UBND_HUYEN:187").org("SO_NGANH:20:LDTBXH").org("VP_DIEU_PHOI:20").bearer());
        tokens.put("org(other)", Auth.org("UBND_XA:99999"));
        tokens.put("viewer(20)", Auth.viewer("20"));
        tokens.put("viewer(01)", Auth.viewer("01"));
        tokens.put("ops", Auth.ops());
        return tokens;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAgainstEveryCaller() {
        CatalogFixture.ensureSeedSet(db);
        String commune = Api.uniqueCommune();
        String id = finalizedInspection(commune);
        Supplier<Target> draft = () -> {
            String c = Api.uniqueCommune();
            return new Target(draft(c), c);
        };
        Supplier<Target> complete = () -> {
            String c = Api.uniqueCommune();
            String d = draft(c);
            Api.json(Auth.admin()).header("If-Match", Api.etag(d)).body(Api.findingsMeeting(List.of(1, 2))).put(findings(d, c)).then().statusCode(200);
            return new Target(d, c);
        };
        String recommendation = "{\"assignee\": {\"type\": \"UBND_HUYEN\", \"code\": \"187\", \"name\": \"UBND huyện\"},"
                + " \"content\": \"Hoàn thiện hồ sơ\"}";
        // drafts to delete: one commune for all (a draft is in no commune's history)
        String scratch = Api.uniqueCommune();
        Supplier<Target> recommended = () -> {
            String d = draft(scratch);
            String r = Api.json(Auth.admin()).body(recommendation).post("/inspections/" + d + "/recommendations")
                    .then().statusCode(201).extract().path("id");
            return new Target(d, scratch, r);
        };

        List<Row> matrix = List.of(
                //  endpoint                                     no token  admin    insp(20) insp(01) org(match) org(other) view(20) view(01) ops
                new Row("POST /inspections (province 20)",
                        t -> Api.json(t).body(body(Api.uniqueCommune())).post("/inspections"),
                        "401", "201", "201", "403", "403", "403", "403", "403", "403"),
                new Row("GET /inspections?commune=",
                        t -> Api.as(t).queryParam("commune", commune).get("/inspections"),
                        "401", "200:1", "200:1", "200:0", "403", "403", "200:1", "200:0", "403"),
                new Row("GET /inspections?province=20&commune=",
                        t -> Api.as(t).queryParam("province", "20").queryParam("commune", commune).get("/inspections"),
                        "401", "200:1", "200:1", "403", "403", "403", "200:1", "403", "403"),
                new Row("GET /inspections/{id}",
                        t -> Api.as(t).get("/inspections/" + id),
                        "401", "200", "200", "404", "403", "403", "200", "404", "403"),
                new Row("PUT /inspections/{id}/communes/{code}/findings", draft,
                        (d, t) -> Api.json(t).header("If-Match", Api.etag(d.id())).body(Api.findingsMeeting(List.of(1)))
                                .put(findings(d.id(), d.commune())),
                        "401", "200", "200", "404", "403", "403", "403", "403", "403"),
                new Row("POST /inspections/{id}/recommendations", draft,
                        (d, t) -> Api.json(t).body(recommendation).post("/inspections/" + d.id() + "/recommendations"),
                        "401", "201", "201", "404", "403", "403", "403", "403", "403"),
                new Row("POST /inspections/{id}/finalize", complete,
                        (d, t) -> Api.json(t).post("/inspections/" + d.id() + "/finalize"),
                        "401", "200", "200", "404", "403", "403", "403", "403", "403"),
                new Row("DELETE /inspections/{id}", recommended,
                        (d, t) -> Api.as(t).header("If-Match", Api.etag(d.id())).delete("/inspections/" + d.id()),
                        "401", "204", "204", "404", "403", "403", "403", "403", "403"),
                new Row("DELETE /inspections/{id}/recommendations/{recommendationId}", recommended,
                        (d, t) -> Api.as(t).header("If-Match", Api.etag(d.id()))
                                .delete("/inspections/" + d.id() + "/recommendations/" + d.recommendation()),
                        "401", "204", "204", "404", "403", "403", "403", "403", "403"),
                new Row("GET /inspections/{id}/corrections",
                        t -> Api.as(t).get("/inspections/" + id + "/corrections"),
                        "401", "200", "200", "404", "403", "403", "200", "404", "403"),
                // each allowed caller corrects the finalized inspection once more (its current ETag each time)
                new Row("POST /inspections/{id}/corrections",
                        t -> Api.json(t).header("If-Match", Api.etag(id)).body("{\"reason\": \"Ghi nhầm\","
                                + " \"communes\": [{\"code\": \"" + commune + "\", \"findings\": "
                                + Api.findingsMeeting(List.of(1, 2)) + "}]}").post("/inspections/" + id + "/corrections"),
                        "401", "201", "201", "404", "403", "403", "403", "403", "403"),
                new Row("PATCH /inspections/{id}", draft,
                        (d, t) -> Api.as(t).contentType("application/merge-patch+json")
                                .header("If-Match", Api.etag(d.id())).body("{\"number\": \"7/TB-SLĐTBXH\"}")
                                .patch("/inspections/" + d.id()),
                        "401", "200", "200", "404", "403", "403", "403", "403", "403"),
                // the bundled layout stored as province 20's (first 201, then 200), read back, removed: none is left
                new Row("PUT /notice-templates/{provinceCode}/{kind}",
                        t -> Api.as(t).contentType("text/plain; charset=UTF-8").body(bundledLayout())
                                .put("/notice-templates/20/pdf"),
                        "401", "201", "200", "404", "403", "403", "403", "403", "403"),
                new Row("GET /notice-templates/{provinceCode}/{kind}",
                        t -> Api.as(t).get("/notice-templates/20/pdf"),
                        "401", "200", "200", "404", "403", "403", "403", "403", "403"),
                new Row("DELETE /notice-templates/{provinceCode}/{kind}",
                        t -> Api.as(t).delete("/notice-templates/20/pdf"),
                        "401", "204", "204", "404", "403", "403", "403", "403", "403"),
                new Row("GET /communes/{code}/history",
                        t -> Api.as(t).get("/communes/" + commune + "/history"),
                        "401", "200:1", "200:1", "200:0", "403", "403", "200:1", "200:0", "403"),
                new Row("GET /q/metrics (API port)",
                        t -> Api.as(t).get("/q/metrics"),
                        "404", "404", "404", "404", "404", "404", "404", "404", "404"),
                // the management interface takes no token: whatever the caller sends, it answers
                new Row("GET /q/metrics (management)",
                        t -> Api.as(t).port(Management.port()).get("/q/metrics"),
                        "200", "200", "200", "200", "200", "200", "200", "200", "200"),
                new Row("GET /q/health/ready (management)",
                        t -> Api.as(t).port(Management.port()).get("/q/health/ready"),
                        "200", "200", "200", "200", "200", "200", "200", "200", "200"),
                new Row("GET /q/openapi",
                        t -> Api.as(t).get("/q/openapi"),
                        "200", "200", "200", "200", "200", "200", "200", "200", "200"),
                new Row("GET /q/swagger-ui/",
                        t -> Api.as(t).get("/q/swagger-ui/"),
                        "200", "200", "200", "200", "200", "200", "200", "200", "200"));

        Map<String, String> tokens = tokens(commune);
        List<DynamicTest> cells = new ArrayList<>();
        for (Row row : matrix) {
            assertThat(row.expected()).hasSize(CALLERS.size());
            Supplier<Target> shared = once(row.fixture());
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                String expected = row.expected()[i];
                Supplier<Target> fixture = expected.startsWith("4") ? shared : row.fixture();
                cells.add(DynamicTest.dynamicTest(row.endpoint() + " × " + caller + " → " + expected,
                        () -> assertCell(row, fixture.get(), tokens.get(caller), expected)));
            }
        }
        return cells.stream();
    }

    private static byte[] bundledLayout() {
        try (var in = AccessMatrixTest.class.getClassLoader().getResourceAsStream("notice/thong-bao-pdf.properties")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The fixture made on first use and reused after. */
    private static Supplier<Target> once(Supplier<Target> fixture) {
        Target[] made = new Target[1];
        return () -> {
            if (made[0] == null) {
                made[0] = fixture.get();
            }
            return made[0];
        };
    }

    private void assertCell(Row row, Target target, String token, String expected) {
        long before = target == null || !row.endpoint().startsWith("DELETE") ? 0 : rows(target);
        Response response = row.call().apply(target, token);
        String[] parts = expected.split(":");
        int status = Integer.parseInt(parts[0]);
        assertThat(response.statusCode()).as(row.endpoint() + " body " + response.asString()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        }
        if (target != null && row.endpoint().startsWith("DELETE")) {
            // a refused deletion leaves every row; an accepted one removes the inspection or the recommendation
            long expectedRows = status >= 400 ? before : row.endpoint().endsWith("{id}") ? 0 : before - 1;
            assertThat(rows(target)).as("rows of the draft").isEqualTo(expectedRows);
        }
        if (parts.length == 2) {
            String path = row.endpoint().startsWith("GET /communes") ? "inspections" : "items";
            assertThat(response.jsonPath().getList(path)).hasSize(Integer.parseInt(parts[1]));
        }
    }

    /** The draft's inspection, commune and recommendation rows. */
    private long rows(Target target) {
        return Db.count(db, "select (select count(*) from inspection where id = ?::uuid)"
                + " + (select count(*) from inspection_commune where inspection_id = ?::uuid)"
                + " + (select count(*) from recommendation where inspection_id = ?::uuid)",
                target.id(), target.id(), target.id());
    }

    @Test
    void inspectorOfAnotherProvinceCannotTouchAProvince20InspectionNorLearnItExists() {
        CatalogFixture.ensureSeedSet(db);
        String commune = Api.uniqueCommune();
        String id = draft(commune);
        Api.json(Auth.admin()).header("If-Match", Api.etag(id)).body(Api.findingsMeeting(List.of(1, 2, 3)))
                .put(findings(id, commune)).then().statusCode(200);
        String before = Api.json(Auth.admin()).get("/inspections/" + id).then().statusCode(200).extract().asString();
        String outsider = Auth.inspector("01");

        Api.json(outsider).header("If-Match", Api.etag(id)).body(Api.findingsMeeting(List.of()))
                .put(findings(id, commune)).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404))
                .body("detail", not(containsString("province"))).body("detail", not(containsString("tỉnh")));
        Api.json(outsider).body("{\"assignee\": {\"type\": \"UBND_XA\", \"code\": \"" + commune
                        + "\", \"name\": \"UBND xã\"}, \"content\": \"Không được ghi\"}")
                .post("/inspections/" + id + "/recommendations").then().statusCode(404);
        Api.json(outsider).post("/inspections/" + id + "/finalize").then().statusCode(404)
                .contentType("application/problem+json");
        Api.json(outsider).get("/inspections/" + id).then().statusCode(404)
                .body("detail", not(containsString("province"))).body("detail", not(containsString("tỉnh")));

        assertThat(Api.json(Auth.admin()).get("/inspections/" + id).then().statusCode(200).extract().asString())
                .isEqualTo(before);
        assertThat(Db.string(db, "select status from inspection where id = ?::uuid", id)).isEqualTo("DRAFT");
        assertThat(Db.count(db, "select count(*) from finding f join inspection_commune c on c.id = f.commune_id"
                + " where c.inspection_id = ?::uuid and f.result = 'MET'", id)).isEqualTo(3);
        assertThat(Db.count(db, "select count(*) from recommendation where inspection_id = ?::uuid", id)).isZero();
        assertThat(Db.count(db, "select count(*) from outbox_event where event_key = ?", id)).isZero();
    }

    @Test
    void inspectorCannotRecordAnInspectionOfAnotherProvince() {
        CatalogFixture.ensureSeedSet(db);
        String title = "Other province " + UUID.randomUUID();
        Api.json(Auth.inspector("01")).body(Api.inspectionBody(title, Api.uniqueCommune(), "2023-01-01"))
                .post("/inspections").then().statusCode(403).contentType("application/problem+json");
        assertThat(Db.count(db, "select count(*) from inspection where title = ?", title)).isZero();
    }

    @Test
    void recorderAndFinalizerAreTheTokenSubjectsNeverTheBodyOrTheDisplayName() {
        CatalogFixture.ensureSeedSet(db);
        String commune = Api.uniqueCommune();
        // upn and preferred_username differ from sub: display names a provider may reuse are never recorded
        String inspector = Auth.tokens().token("inspector-20", "inspector").province("20").name("Nguyễn Văn An")
                .bearer();
        String admin = Auth.tokens().token("admin-test", "admin").name("Quản trị viên").bearer();
        // the body cannot name the recorder: a field the request does not have is refused (platform-http)
        String body = body(commune).replaceFirst("\\{", "{\"recordedBy\": \"someone-else\", ");
        Api.json(inspector).body(body).post("/inspections").then().statusCode(400)
                .body("errors.pointer", org.hamcrest.Matchers.hasItem("/recordedBy"));
        String id = Api.json(inspector).body(body(commune)).post("/inspections").then().statusCode(201)
                .body("recordedBy", equalTo("inspector-20")).extract().path("id");
        Api.json(admin).header("If-Match", Api.etag(id)).body(Api.findingsMeeting(List.of(1))).put(findings(id, commune)).then().statusCode(200);
        Api.json(admin).post("/inspections/" + id + "/finalize").then().statusCode(200)
                .body("recordedBy", equalTo("inspector-20"))
                .body("finalizedBy", equalTo("admin-test"));
    }

    private static String body(String commune) {
        return Api.inspectionBody("Access " + UUID.randomUUID(), commune, "2023-06-01");
    }

    private static String findings(String id, String commune) {
        return "/inspections/" + id + "/communes/" + commune + "/findings";
    }

    private static String draft(String commune) {
        return Api.json(Auth.admin()).body(body(commune)).post("/inspections").then().statusCode(201)
                .extract().path("id");
    }

    private static String finalizedInspection(String commune) {
        String id = draft(commune);
        Api.json(Auth.admin()).header("If-Match", Api.etag(id)).body(Api.findingsMeeting(List.of(1, 2))).put(findings(id, commune))
                .then().statusCode(200);
        Api.json(Auth.admin()).post("/inspections/" + id + "/finalize").then().statusCode(200);
        return id;
    }
}
