package vn.ntm.task.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.ntm.task.Auth;
import vn.ntm.task.Fixtures;
import vn.ntm.task.service.InspectionEventHandler;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint against every caller of README "Access control". The target is a task of the seed inspection
 * (province 20) assigned to UBND_XA:06604. Cells: the status; for lists, export and summary {@code 200+} means the
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
        CALLERS.put("org(own)", () -> Auth.org("UBND_XA:06604"));
        CALLERS.put("org(other)", () -> Auth.org("UBND_XA:06607"));
        CALLERS.put("viewer(20)", () -> Auth.viewer("20"));
        CALLERS.put("viewer(01)", () -> Auth.viewer("01"));
        CALLERS.put("ops", Auth::ops);
    }

    private static final String[][] MATRIX = {
            //                                none   admin   insp20  insp01  orgOwn  orgOther view20  view01  ops
            {"GET /tasks",                    "401", "200+", "200+", "200-", "200+", "200-", "200+", "200-", "403"},
            {"GET /tasks/summary",            "401", "200+", "200+", "200-", "200+", "200-", "200+", "200-", "200+"},
            {"GET /tasks/export.csv",         "401", "200+", "200+", "200-", "200+", "200-", "200+", "200-", "403"},
            {"GET /tasks/{id}",               "401", "200",  "200",  "404",  "200",  "404",  "200",  "404",  "403"},
            {"GET /tasks/{id}/history",       "401", "200",  "200",  "404",  "200",  "404",  "200",  "404",  "403"},
            {"PATCH /tasks/{id}",             "401", "200",  "403",  "403",  "200",  "404",  "403",  "403",  "403"},
            {"POST /tasks/{id}/notes",        "401", "201",  "403",  "403",  "201",  "404",  "403",  "403",  "403"},
            {"GET /task-rules",               "401", "200",  "403",  "403",  "403",  "403",  "403",  "403",  "403"},
            {"GET /task-rules/{code}",        "401", "200",  "403",  "403",  "403",  "403",  "403",  "403",  "403"},
            {"PUT /task-rules/{code}",        "401", "200",  "403",  "403",  "403",  "403",  "403",  "403",  "403"},
            {"GET /task-rules/history",       "401", "200",  "403",  "403",  "403",  "403",  "403",  "403",  "403"},
            {"GET /q/metrics",                "401", "200",  "403",  "403",  "403",  "403",  "403",  "403",  "200"},
            {"GET /q/health/ready",           "200", "200",  "200",  "200",  "200",  "200",  "200",  "200",  "200"},
            {"GET /q/openapi",                "200", "200",  "200",  "200",  "200",  "200",  "200",  "200",  "200"},
    };

    @Inject
    InspectionEventHandler handler;

    /** A fresh seed inspection; returns its id and the UBND_XA:06604 task's id. */
    private String[] target() {
        UUID inspectionId = UUID.randomUUID();
        handler.handle(UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        String taskId = Auth.asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", "UBND_XA")
                .queryParam("assigneeCode", "06604").queryParam("size", 1)
                .when().get("/tasks").then().statusCode(200).extract().path("items[0].id");
        return new String[]{inspectionId.toString(), taskId};
    }

    @TestFactory
    List<DynamicTest> everyEndpointAgainstEveryCaller() {
        String[] shared = target();
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

    private void check(String endpoint, String bearer, String expected, String[] shared) {
        boolean writes = endpoint.startsWith("PATCH") || endpoint.startsWith("POST");
        String[] t = writes ? target() : shared;
        String inspectionId = t[0];
        String taskId = t[1];
        String ruleCode = "MATRIX_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        RequestSpecification request = Auth.as(bearer);
        Function<RequestSpecification, Response> call = switch (endpoint) {
            case "GET /tasks" -> r -> r.queryParam("inspectionId", inspectionId).queryParam("size", 200).get("/tasks");
            case "GET /tasks/summary" -> r -> r.queryParam("inspectionId", inspectionId).get("/tasks/summary");
            case "GET /tasks/export.csv" -> r -> r.queryParam("inspectionId", inspectionId).get("/tasks/export.csv");
            case "GET /tasks/{id}" -> r -> r.get("/tasks/" + taskId);
            case "GET /tasks/{id}/history" -> r -> r.get("/tasks/" + taskId + "/history");
            case "PATCH /tasks/{id}" -> r -> r.contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body("{\"status\":\"IN_PROGRESS\",\"note\":\"Đang triển khai\"}").patch("/tasks/" + taskId);
            case "POST /tasks/{id}/notes" -> r -> r.contentType(ContentType.JSON)
                    .body("{\"note\":\"Đã rà soát\"}").post("/tasks/" + taskId + "/notes");
            case "GET /task-rules" -> r -> r.get("/task-rules");
            case "GET /task-rules/{code}" -> r -> r.get("/task-rules/NOT_MET_COMMUNE");
            case "GET /task-rules/history" -> r -> r.get("/task-rules/history");
            case "PUT /task-rules/{code}" -> r -> r.contentType(ContentType.JSON)
                    .body("{\"trigger\":\"INSPECTION\",\"assignee\":\"COORDINATION_OFFICE\",\"titleTemplate\":"
                            + "\"Thử quyền\",\"enabled\":false,\"position\":999}").put("/task-rules/" + ruleCode);
            case "GET /q/metrics" -> r -> r.get("/q/metrics");
            case "GET /q/health/ready" -> r -> r.get("/q/health/ready");
            case "GET /q/openapi" -> r -> r.get("/q/openapi");
            default -> throw new IllegalArgumentException(endpoint);
        };
        Response response = call.apply(request);
        int status = Integer.parseInt(expected.substring(0, 3));
        assertThat(response.statusCode()).as(endpoint + " body: " + response.asString()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        }
        if (expected.length() > 3) {
            assertThat(includesTarget(endpoint, response, taskId)).as("includes the target task")
                    .isEqualTo(expected.endsWith("+"));
        }
        if (writes || endpoint.startsWith("PUT")) {
            assertUnchangedUnlessAllowed(endpoint, status, taskId, ruleCode);
        }
    }

    private static boolean includesTarget(String endpoint, Response response, String taskId) {
        return switch (endpoint) {
            case "GET /tasks" -> response.jsonPath().getList("items.id").contains(taskId);
            case "GET /tasks/export.csv" -> new String(response.asByteArray(), StandardCharsets.UTF_8).contains(taskId);
            case "GET /tasks/summary" -> response.jsonPath()
                    .getList("byAssignee.findAll { it.assignee.type == 'UBND_XA' && it.assignee.code == '06604' }")
                    .size() == 1;
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    /** A refused write leaves no trace: the task keeps version 0 and its one history entry, the rule does not exist. */
    private static void assertUnchangedUnlessAllowed(String endpoint, int status, String taskId, String ruleCode) {
        boolean allowed = status < 300;
        if (endpoint.startsWith("PUT")) {
            Auth.asAdmin().when().get("/task-rules/" + ruleCode).then().statusCode(allowed ? 200 : 404);
            return;
        }
        int entries = Auth.asAdmin().when().get("/tasks/" + taskId + "/history").then().statusCode(200)
                .extract().jsonPath().getList("").size();
        assertThat(entries).isEqualTo(allowed ? 2 : 1);
        int version = Auth.asAdmin().when().get("/tasks/" + taskId).then().extract().path("version");
        assertThat(version).isEqualTo(allowed && endpoint.startsWith("PATCH") ? 1 : 0);
    }
}
