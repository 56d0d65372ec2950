package vn.ntm.task.shared;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.ntm.task.Auth;
import vn.ntm.task.FixedClock;
import vn.ntm.task.Fixtures;
import vn.ntm.task.InspectionEvents;
import vn.ntm.task.Multipart;
import vn.ntm.task.RegisterFixture;
import vn.ntm.task.intake.InspectionEventBatch;
import vn.ntm.task.register.RegisterCopyService;
import vn.ntm.testinfra.Management;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint against every caller of README "Access control". The target is a task of the seed inspection
 * (province 20) assigned to UBND_XA:06490. Cells: the status; for lists, export and summary {@code 200+} means the
 * target is included and {@code 200-} that it is not.
 */
@QuarkusTest
class AccessMatrixTest {

    private static final Map<String, Supplier<String>> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("none", () -> null);
        CALLERS.put("admin", Auth::admin);
        CALLERS.put("inspector(20)", () -> Auth.inspector("20"));
        CALLERS.put("inspector(01)", () -> Auth.inspector("01"));
        CALLERS.put("org(own)", () -> Auth.org("UBND_XA:06490"));
        CALLERS.put("org(other)", () -> Auth.org("UBND_XA:06523"));
        CALLERS.put("viewer(20)", () -> Auth.viewer("20"));
        CALLERS.put("viewer(01)", () -> Auth.viewer("01"));
        CALLERS.put("ops", Auth::ops);
        CALLERS.put("org(lead)", () -> Auth.org("SO_NGANH:20:LDTBXH"));
        CALLERS.put("org(office20)", () -> Auth.org("VP_DIEU_PHOI:20"));
        CALLERS.put("org(office01)", () -> Auth.org("VP_DIEU_PHOI:01"));
        CALLERS.put("org(district187)", () -> Auth.org("UBND_HUYEN:187"));
    }

    /**
     * "DELETE own evidence" deletes a file the caller uploaded itself (by the lead agency, for callers that may not
     * upload); "DELETE lead's evidence" one the lead agency uploaded: its uploader or the assignee delete it.
     * "PATCH start" is the assignee's move OPEN → IN_PROGRESS on an OPEN task; "PATCH accept" the verifier's move
     * REPORTED → DONE on a task its assignee has reported. org(lead) is the seed inspection's lead agency
     * (SO_NGANH:20:LDTBXH), org(office20) the coordination office of province 20, org(district187) UBND huyện Chi
     * Lăng, whose commune 06490 is (the clock is set before the 2025 reorganisation, while the district exists).
     */
    private static final String[][] MATRIX = {
            //                              none   admin   insp20  insp01  orgOwn  orgOther view20  view01  ops    lead    office20 office01 district
            {"GET /tasks",                  "401", "200+", "200+", "200-", "200+", "200-", "200+", "200-", "403", "200+", "200+", "200-", "200+"},
            {"GET /tasks/summary",          "401", "200+", "200+", "200-", "200+", "200-", "200+", "200-", "200+", "200+", "200+", "200-", "200+"},
            {"GET /tasks/export.csv",       "401", "200+", "200+", "200-", "200+", "200-", "200+", "200-", "403", "200+", "200+", "200-", "200+"},
            {"GET /tasks/export.xlsx",      "401", "200+", "200+", "200-", "200+", "200-", "200+", "200-", "403", "200+", "200+", "200-", "200+"},
            {"GET /tasks/{id}",             "401", "200",  "200",  "404",  "200",  "404",  "200",  "404",  "403", "200",  "200",  "404", "200"},
            {"GET /tasks/{id}/history",     "401", "200",  "200",  "404",  "200",  "404",  "200",  "404",  "403", "200",  "200",  "404", "200"},
            {"PATCH start",                 "401", "403",  "403",  "404",  "200",  "404",  "403",  "403",  "403", "403",  "403",  "404", "403"},
            {"PATCH accept",                "401", "200",  "200",  "404",  "403",  "404",  "403",  "403",  "403", "200",  "200",  "404", "403"},
            {"POST /tasks/{id}/notes",      "401", "201",  "201",  "404",  "201",  "404",  "403",  "403",  "403", "201",  "201",  "404", "403"},
            {"POST /tasks/{id}/evidence",   "401", "201",  "201",  "404",  "201",  "404",  "403",  "403",  "403", "201",  "201",  "404", "403"},
            {"DELETE own evidence",         "401", "204",  "204",  "404",  "204",  "404",  "403",  "403",  "403", "204",  "204",  "404", "403"},
            {"DELETE lead's evidence",      "401", "403",  "403",  "404",  "204",  "404",  "403",  "403",  "403", "204",  "403",  "404", "403"},
            {"GET /tasks/{id}/evidence",    "401", "200",  "200",  "404",  "200",  "404",  "200",  "404",  "403", "200",  "200",  "404", "200"},
            {"GET /tasks/{id}/evidence/{e}", "401", "200", "200",  "404",  "200",  "404",  "200",  "404",  "403", "200",  "200",  "404", "200"},
            {"POST /tasks/{id}/extensions", "401", "403",  "403",  "404",  "201",  "404",  "403",  "403",  "403", "403",  "403",  "404", "403"},
            {"GET /tasks/{id}/extensions",  "401", "200",  "200",  "404",  "200",  "404",  "200",  "404",  "403", "200",  "200",  "404", "200"},
            {"POST approve extension",      "401", "200",  "200",  "404",  "403",  "404",  "403",  "403",  "403", "200",  "200",  "404", "403"},
            {"POST reject extension",       "401", "200",  "200",  "404",  "403",  "404",  "403",  "403",  "403", "200",  "200",  "404", "403"},
            {"POST /tasks/{id}/reassign",   "401", "200",  "200",  "404",  "403",  "404",  "403",  "403",  "403", "200",  "200",  "404", "403"},
            {"GET /dashboards/provinces/20", "401", "200", "200", "404", "404", "404", "200", "404", "403", "200", "200", "404", "404"},
            {"GET /task-rules",             "401", "200",  "403",  "403",  "403",  "403",  "403",  "403",  "403", "403",  "403",  "403", "403"},
            {"GET /task-rules/{code}",      "401", "200",  "403",  "403",  "403",  "403",  "403",  "403",  "403", "403",  "403",  "403", "403"},
            {"PUT /task-rules/{code}",      "401", "200",  "403",  "403",  "403",  "403",  "403",  "403",  "403", "403",  "403",  "403", "403"},
            {"GET /task-rules/history",     "401", "200",  "403",  "403",  "403",  "403",  "403",  "403",  "403", "403",  "403",  "403", "403"},
            {"GET /q/metrics (API port)",   "404", "404",  "404",  "404",  "404",  "404",  "404",  "404",  "404", "404",  "404",  "404", "404"},
            {"GET /q/metrics (management)", "200", "200",  "200",  "200",  "200",  "200",  "200",  "200",  "200", "200",  "200",  "200", "200"},
            {"GET /q/health/ready (mgmt)",  "200", "200",  "200",  "200",  "200",  "200",  "200",  "200",  "200", "200",  "200",  "200", "200"},
            {"GET /q/openapi",              "200", "200",  "200",  "200",  "200",  "200",  "200",  "200",  "200", "200",  "200",  "200", "200"},
    };

    @Inject
    InspectionEventBatch inspections;
    @Inject
    RegisterCopyService register;
    @Inject
    FixedClock clock;
    @Inject
    AgroalDataSource dataSource;

    /**
     * Per write endpoint, the target its refused callers share: a refusal leaves no trace (each checks that), so the
     * next refused caller finds the target as the first did. Each allowed caller gets a fresh target.
     */
    private final Map<String, String[]> refusedTargets = new HashMap<>();

    @BeforeEach
    void whileTheDistrictExists() throws Exception {
        clock.set(DistrictVisibilityTest.BEFORE_REORGANISATION);
        DistrictVisibilityTest.loadRegister(register);
    }

    /** Other test classes create tasks of the seed's (ceased) units: leave no register copy behind. */
    @AfterEach
    void realClockAndNoRegisterCopy() {
        clock.reset();
        RegisterFixture.deleteCopy(dataSource);
    }

    /** A fresh seed inspection; returns its id and the UBND_XA:06490 task's id. */
    private String[] target() {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        String taskId = Auth.asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", "UBND_XA")
                .queryParam("assigneeCode", "06490").queryParam("size", 1)
                .when().get("/tasks").then().statusCode(200).extract().path("items[0].id");
        return new String[]{inspectionId.toString(), taskId, null};
    }

    /** A target whose assignee has started it and reported it with one evidence file. */
    private String[] reported() {
        String[] t = target();
        String assignee = Auth.org("UBND_XA:06490");
        Auth.as(assignee).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"status\":\"IN_PROGRESS\"}").patch("/tasks/" + t[1]).then().statusCode(200);
        t[2] = upload(assignee, t[1]);
        Auth.as(assignee).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"status\":\"REPORTED\",\"report\":\"Đã hoàn thành, kèm biên bản\"}")
                .patch("/tasks/" + t[1]).then().statusCode(200);
        return t;
    }

    /** A target whose assignee has asked for a later deadline. */
    private String[] extensionRequested() {
        String[] t = target();
        t[2] = Auth.as(Auth.org("UBND_XA:06490")).contentType(ContentType.JSON)
                .body("{\"dueDate\":\"2031-12-31\",\"reason\":\"Chờ vốn\"}").post("/tasks/" + t[1] + "/extensions")
                .then().statusCode(201).extract().path("id");
        return t;
    }

    private static String upload(String bearer, String taskId) {
        return Multipart.file(Auth.as(bearer), "Biên bản kiểm tra.pdf", Multipart.pdf("biên bản"))
                .post("/tasks/" + taskId + "/evidence").then().statusCode(201).extract().path("id");
    }

    @TestFactory
    List<DynamicTest> everyEndpointAgainstEveryCaller() {
        String[] shared = target();
        shared[2] = upload(Auth.admin(), shared[1]);
        List<DynamicTest> cells = new ArrayList<>();
        List<String> callers = new ArrayList<>(CALLERS.keySet());
        for (String[] row : MATRIX) {
            assertThat(row).as("row " + row[0]).hasSize(callers.size() + 1);
            for (int c = 0; c < callers.size(); c++) {
                String endpoint = row[0];
                String caller = callers.get(c);
                String expected = row[c + 1];
                cells.add(DynamicTest.dynamicTest(endpoint + " × " + caller + " → " + expected,
                        () -> check(endpoint, CALLERS.get(caller).get(), expected, shared)));
            }
        }
        return cells;
    }

    /** A fresh target in the state the write endpoint acts on. */
    private String[] targetFor(String endpoint) {
        if (endpoint.startsWith("DELETE")) {
            String[] t = target();
            t[2] = upload(Auth.org("SO_NGANH:20:LDTBXH"), t[1]);
            return t;
        }
        return endpoint.equals("PATCH accept") ? reported()
                : endpoint.endsWith(" extension") ? extensionRequested() : target();
    }

    private void check(String endpoint, String bearer, String expected, String[] shared) throws Exception {
        boolean writes = endpoint.startsWith("PATCH") || endpoint.startsWith("POST") || endpoint.startsWith("DELETE");
        int status = Integer.parseInt(expected.substring(0, 3));
        String[] t = !writes ? shared : status >= 300
                ? refusedTargets.computeIfAbsent(endpoint, this::targetFor) : targetFor(endpoint);
        if (endpoint.equals("DELETE own evidence") && status < 300) {
            t[2] = upload(bearer, t[1]);
        }
        String inspectionId = t[0];
        String taskId = t[1];
        String ruleCode = "MATRIX_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        RequestSpecification request = Auth.as(bearer);
        Function<RequestSpecification, Response> call = switch (endpoint) {
            case "GET /tasks" -> r -> r.queryParam("inspectionId", inspectionId).queryParam("size", 200).get("/tasks");
            case "GET /tasks/summary" -> r -> r.queryParam("inspectionId", inspectionId).get("/tasks/summary");
            case "GET /dashboards/provinces/20" -> r -> r.get("/dashboards/provinces/20");
            case "GET /tasks/export.csv" -> r -> r.queryParam("inspectionId", inspectionId).get("/tasks/export.csv");
            case "GET /tasks/export.xlsx" -> r -> r.queryParam("inspectionId", inspectionId).get("/tasks/export.xlsx");
            case "GET /tasks/{id}" -> r -> r.get("/tasks/" + taskId);
            case "GET /tasks/{id}/history" -> r -> r.get("/tasks/" + taskId + "/history");
            case "PATCH start" -> r -> r.contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body("{\"status\":\"IN_PROGRESS\",\"note\":\"Đang triển khai\"}").patch("/tasks/" + taskId);
            case "PATCH accept" -> r -> r.contentType(ContentType.JSON).header("If-Match", "\"2\"")
                    .body("{\"status\":\"DONE\",\"note\":\"Đạt yêu cầu\"}").patch("/tasks/" + taskId);
            case "POST /tasks/{id}/evidence" -> r -> Multipart.file(r, "Ảnh hiện trường.pdf", Multipart.pdf("ảnh"))
                    .post("/tasks/" + taskId + "/evidence");
            case "GET /tasks/{id}/evidence" -> r -> r.get("/tasks/" + taskId + "/evidence");
            case "DELETE own evidence", "DELETE lead's evidence" -> r -> r.delete("/tasks/" + taskId + "/evidence/" + t[2]);
            case "POST /tasks/{id}/extensions" -> r -> r.contentType(ContentType.JSON)
                    .body("{\"dueDate\":\"2031-12-31\",\"reason\":\"Chờ vốn\"}").post("/tasks/" + taskId + "/extensions");
            case "GET /tasks/{id}/extensions" -> r -> r.get("/tasks/" + taskId + "/extensions");
            case "POST approve extension" -> r -> r.contentType(ContentType.JSON).body("{}")
                    .post("/tasks/" + taskId + "/extensions/" + t[2] + "/approve");
            case "POST reject extension" -> r -> r.contentType(ContentType.JSON).body("{\"reason\":\"Không\"}")
                    .post("/tasks/" + taskId + "/extensions/" + t[2] + "/reject");
            case "POST /tasks/{id}/reassign" -> r -> r.contentType(ContentType.JSON)
                    .body("{\"assignee\":{\"type\":\"UBND_XA\",\"code\":\"06523\"},\"reason\":\"Sáp nhập\"}")
                    .post("/tasks/" + taskId + "/reassign");
            case "GET /tasks/{id}/evidence/{e}" -> r -> r.get("/tasks/" + taskId + "/evidence/" + t[2]);
            case "POST /tasks/{id}/notes" -> r -> r.contentType(ContentType.JSON)
                    .body("{\"note\":\"Đã rà soát\"}").post("/tasks/" + taskId + "/notes");
            case "GET /task-rules" -> r -> r.get("/task-rules");
            case "GET /task-rules/{code}" -> r -> r.get("/task-rules/NOT_MET_COMMUNE");
            case "GET /task-rules/history" -> r -> r.get("/task-rules/history");
            case "PUT /task-rules/{code}" -> r -> r.contentType(ContentType.JSON)
                    .body("{\"trigger\":\"INSPECTION\",\"assignee\":\"COORDINATION_OFFICE\",\"titleTemplate\":"
                            + "\"Thử quyền\",\"enabled\":false,\"position\":999}").put("/task-rules/" + ruleCode);
            case "GET /q/metrics (API port)" -> r -> r.get("/q/metrics");
            // the management interface takes no token: whatever the caller sends, it answers
            case "GET /q/metrics (management)" -> r -> r.port(Management.port()).get("/q/metrics");
            case "GET /q/health/ready (mgmt)" -> r -> r.port(Management.port()).get("/q/health/ready");
            case "GET /q/openapi" -> r -> r.get("/q/openapi");
            default -> throw new IllegalArgumentException(endpoint);
        };
        State before = writes ? state(taskId) : null;
        Response response = call.apply(request);
        assertThat(response.statusCode()).as(endpoint + " body: " + response.asString()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            // read with Jackson: RestAssured's Groovy path costs more than the request, 200 times over
            assertThat(Fixtures.JSON.readTree(response.asString()).get("status").asInt()).isEqualTo(status);
        }
        if (expected.length() > 3) {
            assertThat(includesTarget(endpoint, response, taskId)).as("includes the target task")
                    .isEqualTo(expected.endsWith("+"));
        }
        if (writes) {
            assertChangedOnlyIfAllowed(status, taskId, before);
            if (status < 300 && endpoint.startsWith("DELETE")) {
                assertThat(state(taskId).files()).as("files").isEqualTo(before.files() - 1);
            }
        } else if (endpoint.startsWith("PUT")) {
            Auth.asAdmin().when().get("/task-rules/" + ruleCode).then().statusCode(status < 300 ? 200 : 404);
        }
    }

    private static boolean includesTarget(String endpoint, Response response, String taskId) {
        return switch (endpoint) {
            case "GET /tasks" -> response.jsonPath().getList("items.id").contains(taskId);
            case "GET /tasks/export.csv" -> new String(response.asByteArray(), StandardCharsets.UTF_8).contains(taskId);
            case "GET /tasks/export.xlsx" -> workbookIds(response.asByteArray()).contains(taskId);
            case "GET /tasks/summary" -> response.jsonPath()
                    .getList("byAssignee.findAll { it.assignee.type == 'UBND_XA' && it.assignee.code == '06490' }")
                    .size() == 1;
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    /** The task ids (column "Mã nhiệm vụ", the second, after the row number) of an exported workbook. */
    private static List<String> workbookIds(byte[] file) {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(file))) {
            List<String> ids = new ArrayList<>();
            workbook.getSheetAt(0).forEach(row -> ids.add(row.getCell(1).getStringCellValue()));
            return ids;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What a write may change: the task's history entries, version, evidence files and extension requests. */
    private record State(long historyEntries, long version, long files, String extensions) {
    }

    /** The task's state as its rows hold it (one query; the extension requests as their whole rows). */
    private State state(String taskId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select (select count(*) from task_history h where h.task_id = t.id), t.version,"
                        + " (select count(*) from task_evidence e where e.task_id = t.id),"
                        + " (select coalesce(string_agg(x::text, ';' order by x.id), '') from task_extension x"
                        + " where x.task_id = t.id) from task t where t.id = ?::uuid")) {
            st.setString(1, taskId);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).as("task " + taskId).isTrue();
                return new State(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refused write leaves no trace; an allowed one adds one history entry (and moves the version if a PATCH). */
    private void assertChangedOnlyIfAllowed(int status, String taskId, State before) {
        State after = state(taskId);
        if (status >= 300) {
            assertThat(after).as("history entries, version, files, extensions").isEqualTo(before);
        } else {
            assertThat(after.historyEntries()).as("history entries").isEqualTo(before.historyEntries() + 1);
        }
    }
}
