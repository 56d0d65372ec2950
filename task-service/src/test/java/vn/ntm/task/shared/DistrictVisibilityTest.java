package vn.ntm.task.shared;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.AdminUnitsChanged;
import vn.ntm.task.Auth;
import vn.ntm.task.FixedClock;
import vn.ntm.task.Fixtures;
import vn.ntm.task.InspectionEvents;
import vn.ntm.task.Multipart;
import vn.ntm.task.RegisterFixture;
import vn.ntm.task.intake.InspectionEventBatch;
import vn.ntm.task.register.RegisterCopyService;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static vn.ntm.task.Auth.as;
import static vn.ntm.task.Auth.asAdmin;

/**
 * README "Access control", districts: before 2025-07-01 UBND huyện Chi Lăng (187) follows the tasks of its communes
 * 06490 and 06523 (read-only); once the district is abolished it no longer does.
 */
@QuarkusTest
class DistrictVisibilityTest {
    static final LocalDate BEFORE_REORGANISATION = LocalDate.of(2025, 6, 15);

    @Inject
    InspectionEventBatch inspections;
    @Inject
    RegisterCopyService register;
    @Inject
    FixedClock clock;
    @Inject
    AgroalDataSource dataSource;

    private final String district = Auth.org("UBND_HUYEN:187");

    /** Lạng Sơn's register copy (idempotent: it replaces the province's rows with the same ones). */
    static void loadRegister(RegisterCopyService register) throws Exception {
        register.apply(UUID.randomUUID(), Fixtures.JSON.readValue(RegisterFixture.langSon(), AdminUnitsChanged.class));
    }

    @BeforeEach
    void beforeTheReorganisation() throws Exception {
        clock.set(BEFORE_REORGANISATION);
        loadRegister(register);
    }

    /** Other test classes create tasks of the seed's (ceased) units: leave no register copy behind. */
    @AfterEach
    void realClockAndNoRegisterCopy() {
        clock.reset();
        RegisterFixture.deleteCopy(dataSource);
    }

    private static List<String> ids(UUID inspectionId, String type, String code) {
        return asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", type)
                .queryParam("assigneeCode", code).queryParam("size", 200)
                .when().get("/tasks").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    private static List<String> seen(String bearer, UUID inspectionId, String... more) {
        var request = as(bearer).queryParam("inspectionId", inspectionId).queryParam("size", 200);
        for (int i = 0; i + 1 < more.length; i += 2) {
            request = request.queryParam(more[i], more[i + 1]);
        }
        return request.when().get("/tasks").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void chiLangDistrictSeesTheCommuneTasksOf06490And06523ButCannotChangeThem() {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        List<String> thuongCuong = ids(inspectionId, "UBND_XA", "06490");
        List<String> chiLang = ids(inspectionId, "UBND_XA", "06523");
        List<String> own = ids(inspectionId, "UBND_HUYEN", "187");
        assertThat(thuongCuong).isNotEmpty();
        assertThat(chiLang).isNotEmpty();

        List<String> list = seen(district, inspectionId);
        assertThat(list).containsAll(thuongCuong).containsAll(chiLang).containsAll(own);
        assertThat(seen(district, inspectionId, "assigneeType", "UBND_XA"))
                .containsExactlyInAnyOrderElementsOf(concat(thuongCuong, chiLang));
        // the province's coordination task concerns no commune: not the district's to follow
        assertThat(list).doesNotContainAnyElementsOf(ids(inspectionId, "VP_DIEU_PHOI", "20"));
        String csv = new String(as(district).queryParam("inspectionId", inspectionId).when()
                .get("/tasks/export.csv").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        concat(thuongCuong, chiLang).forEach(id -> assertThat(csv).contains(id));
        as(district).queryParam("inspectionId", inspectionId).queryParam("assigneeType", "UBND_XA")
                .when().get("/tasks/summary").then().statusCode(200)
                .body("all.total", equalTo(thuongCuong.size() + chiLang.size()));

        String task = thuongCuong.get(0);
        String file = Multipart.file(as(Auth.org("UBND_XA:06490")), "Biên bản.pdf", Multipart.pdf("x"))
                .post("/tasks/" + task + "/evidence").then().statusCode(201).extract().path("id");
        as(district).when().get("/tasks/" + task).then().statusCode(200).body("assignee.code", equalTo("06490"));
        as(district).when().get("/tasks/" + task + "/history").then().statusCode(200);
        as(district).when().get("/tasks/" + task + "/evidence").then().statusCode(200).body("", hasSize(1));
        as(district).when().get("/tasks/" + task + "/evidence/" + file).then().statusCode(200);
        as(district).when().get("/tasks/" + task + "/extensions").then().statusCode(200);

        // read-only: every change answers 403 problem+json and writes nothing
        String history = asAdmin().when().get("/tasks/" + task + "/history").then().extract().asString();
        for (String status : List.of("IN_PROGRESS", "CANCELLED")) {
            as(district).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body("{\"status\":\"" + status + "\",\"reason\":\"huyện\"}").when().patch("/tasks/" + task)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        as(district).contentType(ContentType.JSON).body("{\"note\":\"Huyện đã đôn đốc\"}")
                .when().post("/tasks/" + task + "/notes").then().statusCode(403);
        Multipart.file(as(district), "x.pdf", Multipart.pdf("x")).post("/tasks/" + task + "/evidence")
                .then().statusCode(403).contentType("application/problem+json");
        as(district).contentType(ContentType.JSON).body("{\"dueDate\":\"2031-01-01\",\"reason\":\"x\"}")
                .post("/tasks/" + task + "/extensions").then().statusCode(403);
        as(district).contentType(ContentType.JSON)
                .body("{\"assignee\":{\"type\":\"UBND_XA\",\"code\":\"06523\"},\"reason\":\"x\"}")
                .post("/tasks/" + task + "/reassign").then().statusCode(403);
        asAdmin().when().get("/tasks/" + task + "/history").then().body(equalTo(history));
        asAdmin().when().get("/tasks/" + task).then().body("status", equalTo("OPEN")).body("version", equalTo(0));

        // its own task it works on as the assignee
        as(district).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"status\":\"IN_PROGRESS\"}")
                .when().patch("/tasks/" + own.get(0)).then().statusCode(200);

        // another district (Thành phố Lạng Sơn, 178) sees none of them
        assertThat(seen(Auth.org("UBND_HUYEN:178"), inspectionId)).isEmpty();
        as(Auth.org("UBND_HUYEN:178")).when().get("/tasks/" + task).then().statusCode(404);
    }

    @Test
    void onceTheDistrictIsAbolishedItsUsersNoLongerFollowTheCommunes() {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        String task = ids(inspectionId, "UBND_XA", "06490").get(0);
        as(district).when().get("/tasks/" + task).then().statusCode(200);
        clock.set(LocalDate.of(2025, 7, 1));
        assertThat(seen(district, inspectionId, "assigneeType", "UBND_XA")).isEmpty();
        as(district).when().get("/tasks/" + task).then().statusCode(404);
        assertThat(seen(district, inspectionId)).containsExactlyInAnyOrderElementsOf(
                ids(inspectionId, "UBND_HUYEN", "187"));
    }

    @Test
    void theDistrictAndProvinceFiltersFindTheWorkOfTheirUnitsWithinWhatTheCallerSees() {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        // the work about its communes, whoever is assigned (the communes, the departments), and its own
        java.util.Set<String> district = new java.util.TreeSet<>(concat(
                seen(Auth.admin(), inspectionId, "communeCode", "06490"),
                seen(Auth.admin(), inspectionId, "communeCode", "06523")));
        List<String> own = ids(inspectionId, "UBND_HUYEN", "187");
        district.addAll(own);
        List<String> all = seen(Auth.admin(), inspectionId);
        assertThat(own).isNotEmpty();
        assertThat(district).hasSizeLessThan(all.size());

        assertThat(seen(Auth.admin(), inspectionId, "district", "187")).containsExactlyInAnyOrderElementsOf(district);
        assertThat(seen(Auth.admin(), inspectionId, "district", "178")).isEmpty();
        assertThat(seen(Auth.admin(), inspectionId, "province", "20")).containsExactlyInAnyOrderElementsOf(all);
        assertThat(seen(Auth.admin(), inspectionId, "province", "01")).isEmpty();
        as(Auth.admin()).queryParam("inspectionId", inspectionId).queryParam("district", "187")
                .when().get("/tasks/summary").then().statusCode(200)
                .body("all.total", equalTo(district.size()));
        // the filters narrow what the caller may see, never widen it
        assertThat(seen(Auth.viewer("01"), inspectionId, "province", "20")).isEmpty();
        assertThat(seen(Auth.org("UBND_XA:06490"), inspectionId, "district", "187"))
                .containsExactlyInAnyOrderElementsOf(ids(inspectionId, "UBND_XA", "06490"));
        // the district was abolished on 2025-07-01: its older work is still found by its code
        clock.set(LocalDate.of(2025, 7, 2));
        assertThat(seen(Auth.admin(), inspectionId, "district", "187")).containsExactlyInAnyOrderElementsOf(district);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
