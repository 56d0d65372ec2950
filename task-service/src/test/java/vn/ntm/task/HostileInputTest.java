package vn.ntm.task;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.ntm.task.intake.InspectionEventBatch;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.ntm.task.Auth.asAdmin;

/**
 * Findings of the hostile-input suite (issue 7): each hostile request gets a 4xx problem+json and writes nothing
 * (no task change, no history entry, no outbox event, no rule).
 */
@QuarkusTest
class HostileInputTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    InspectionEventBatch inspections;
    @Inject
    AgroalDataSource dataSource;
    @TestHTTPResource("/")
    URL base;

    /** A fresh OPEN task (version 0) and what it has written so far. */
    private record Fresh(String id, long history, long events) {
    }

    private Fresh aTask() {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        String id = asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeCode", "20:GTVT")
                .queryParam("communeCode", "06490")
                .when().get("/tasks").then().statusCode(200).body("total", equalTo(1))
                .extract().path("items[0].id");
        return new Fresh(id, history(id), events(id));
    }

    private void assertUnchanged(Fresh task) {
        asAdmin().when().get("/tasks/" + task.id()).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("version", equalTo(0));
        assertThat(history(task.id())).as("history rows").isEqualTo(task.history());
        assertThat(events(task.id())).as("outbox events").isEqualTo(task.events());
    }

    private static ValidatableResponse badRequest(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType(PROBLEM).body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    private static String json(String value) {
        return Fixtures.JSON.valueToTree(value).toString();
    }

    @Test
    void refusesAPageWhoseOffsetWouldOverflow() {
        for (String page : new String[] {"2147483647", "1000000000", "100001", "-1"}) {
            badRequest(asAdmin().queryParam("page", page).queryParam("size", 200).when().get("/tasks").then(), "page");
        }
        // page numbers reach the first ntm.tasks.offset-window tasks only (10 000; 250 in tests); beyond, the cursor
        // takes over
        badRequest(asAdmin().queryParam("page", 100_000).queryParam("size", 200).when().get("/tasks").then(), "page")
                .body("errors.find { it.field == 'page' }.message", containsString("after="));
        int lastPage = ConfigProvider.getConfig().getValue("ntm.tasks.offset-window", Integer.class) / 50 - 1;
        asAdmin().queryParam("page", lastPage).queryParam("size", 50).when().get("/tasks").then().statusCode(200)
                .body("page", equalTo(lastPage));
        badRequest(asAdmin().queryParam("page", lastPage + 1).queryParam("size", 50).when().get("/tasks").then(),
                "page");
    }

    @Test
    void trailingGarbageAfterThePatchBodyChangesNothingAndEmitsNoEvent() {
        Fresh task = aTask();
        for (String body : new String[] {"{\"status\":\"IN_PROGRESS\"} garbage", "{\"status\":\"IN_PROGRESS\"}{}",
                "{\"status\":\"IN_PROGRESS\"}]"}) {
            asAdmin().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                    .when().patch("/tasks/" + task.id())
                    .then().statusCode(400).contentType(PROBLEM);
        }
        asAdmin().contentType(ContentType.JSON).body("{\"note\":\"x\"} trailing")
                .when().post("/tasks/" + task.id() + "/notes").then().statusCode(400).contentType(PROBLEM);
        assertUnchanged(task);

        String rule = ruleCode();
        asAdmin().contentType(ContentType.JSON).body("{\"trigger\":\"INSPECTION\",\"assignee\":\"DISTRICT\","
                        + "\"titleTemplate\":\"Rác\",\"enabled\":false} {\"x\":1}")
                .when().put("/task-rules/" + rule).then().statusCode(400).contentType(PROBLEM);
        asAdmin().when().get("/task-rules/" + rule).then().statusCode(404);
    }

    @Test
    void refusesOverlongUtf8InsteadOfStoringASlash() {
        Fresh task = aTask();
        asAdmin().contentType("application/json; charset=UTF-8").body(bytes("{\"note\":\"a", 0xC0, 0xAF, "b\"}"))
                .when().post("/tasks/" + task.id() + "/notes")
                .then().statusCode(400).contentType(PROBLEM).body("detail", equalTo("Nội dung yêu cầu không phải UTF-8 hợp lệ."));
        asAdmin().contentType("application/json; charset=UTF-8").header("If-Match", "\"0\"")
                .body(bytes("{\"status\":\"IN_PROGRESS\",\"note\":\"", 0xE0, 0x80, 0xAF, "\"}"))
                .when().patch("/tasks/" + task.id()).then().statusCode(400).contentType(PROBLEM);
        assertUnchanged(task);

        String rule = ruleCode();
        asAdmin().contentType("application/json; charset=UTF-8")
                .body(bytes("{\"trigger\":\"INSPECTION\",\"assignee\":\"DISTRICT\",\"titleTemplate\":\"..", 0xC0, 0xAF,
                        "etc\",\"enabled\":false}"))
                .when().put("/task-rules/" + rule).then().statusCode(400).contentType(PROBLEM);
        asAdmin().when().get("/task-rules/" + rule).then().statusCode(404);
    }

    @Test
    void refusesABodyWithoutContentTypeWith415() throws Exception {
        Fresh task = aTask();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> note = client.send(HttpRequest.newBuilder(uri("tasks/" + task.id() + "/notes"))
                .header("Authorization", Auth.admin())
                .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"không có Content-Type\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(note.statusCode()).isEqualTo(415);
        assertThat(note.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM));
        HttpResponse<String> patch = client.send(HttpRequest.newBuilder(uri("tasks/" + task.id()))
                .header("Authorization", Auth.admin()).header("If-Match", "\"0\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"IN_PROGRESS\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(patch.statusCode()).isEqualTo(415);
        assertThat(patch.body()).contains("\"status\":415");
        assertUnchanged(task);

        String rule = ruleCode();
        HttpResponse<String> put = client.send(HttpRequest.newBuilder(uri("task-rules/" + rule))
                .header("Authorization", Auth.admin()).PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"trigger\":\"INSPECTION\",\"assignee\":\"DISTRICT\",\"titleTemplate\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(415);
        asAdmin().when().get("/task-rules/" + rule).then().statusCode(404);
    }

    @Test
    void refusesADeclaredOversizeBodyWith413AndStoresNoRule() {
        String rule = ruleCode();
        String description = "x".repeat(1_100_000);
        asAdmin().contentType(ContentType.JSON).body("{\"trigger\":\"INSPECTION\",\"assignee\":\"DISTRICT\","
                        + "\"titleTemplate\":\"x\",\"enabled\":false,\"description\":\"" + description + "\"}")
                .when().put("/task-rules/" + rule).then().statusCode(413).contentType(PROBLEM);
        asAdmin().when().get("/task-rules/" + rule).then().statusCode(404);
    }

    @Test
    void refusesOverlongTextNamingTheField() {
        Fresh task = aTask();
        badRequest(asAdmin().contentType(ContentType.JSON).body("{\"note\":" + json("n".repeat(4001)) + "}")
                .when().post("/tasks/" + task.id() + "/notes").then(), "note");
        badRequest(asAdmin().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"status\":\"IN_PROGRESS\",\"note\":" + json("n".repeat(4001)) + "}")
                .when().patch("/tasks/" + task.id()).then(), "note");
        assertUnchanged(task);

        String rule = ruleCode();
        badRequest(putRule(rule, "x", "d".repeat(10_001)), "description");
        badRequest(putRule(rule, "t".repeat(501), null), "titleTemplate");
        asAdmin().when().get("/task-rules/" + rule).then().statusCode(404);
        putRule(rule, "t".repeat(500), "d".repeat(10_000)).statusCode(200);
    }

    @Test
    void refusesTextPostgresqlCannotStore() {
        Fresh task = aTask();
        badRequest(asAdmin().contentType(ContentType.JSON).body("{\"note\":\"a\\u0000b\"}")
                .when().post("/tasks/" + task.id() + "/notes").then(), "note");
        badRequest(asAdmin().contentType(ContentType.JSON).body("{\"note\":\"a\\ud800b\"}")
                .when().post("/tasks/" + task.id() + "/notes").then(), "note");
        badRequest(asAdmin().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"status\":\"IN_PROGRESS\",\"note\":\"\\u0000\"}")
                .when().patch("/tasks/" + task.id()).then(), "note");
        assertUnchanged(task);

        String rule = ruleCode();
        badRequest(putRule(rule, "x", "a\u0000b"), "description");
        badRequest(putRule(rule, "a\u0000b", null), "titleTemplate");
        asAdmin().when().get("/task-rules/" + rule).then().statusCode(404);
    }

    @Test
    void refusesCodesThatAreNotCodes() {
        for (String code : new String[] {"' OR '1'='1' --", "A".repeat(41), "lower_case", "_X"}) {
            badRequest(asAdmin().contentType(ContentType.JSON)
                    .body("{\"trigger\":\"INSPECTION\",\"assignee\":\"DISTRICT\",\"titleTemplate\":\"x\"}")
                    .when().put("/task-rules/{code}", code).then(), "code");
        }
        asAdmin().when().get("/task-rules").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.not(hasItem("' OR '1'='1' --")));
        for (String filter : new String[] {"assigneeCode", "communeCode"}) {
            for (String value : new String[] {"' OR '1'='1' --", "x".repeat(41), "20 GTVT", ":20"}) {
                badRequest(asAdmin().queryParam(filter, value).when().get("/tasks").then(), filter);
                badRequest(asAdmin().queryParam(filter, value).when().get("/tasks/summary").then(), filter);
            }
        }
        asAdmin().queryParam("assigneeCode", "20:GTVT").queryParam("communeCode", "06490").when().get("/tasks")
                .then().statusCode(200);
    }

    @Test
    void freeTextStillRoundTripsByteForByte() {
        Fresh task = aTask();
        String note = "Xã Thượng Cường: đã \"kiểm tra\" <script>alert('x')</script> ' OR '1'='1' -- 🌾\r\n\ttiếp";
        asAdmin().contentType("application/json; charset=UTF-8")
                .body(("{\"note\":" + json(note) + "}").getBytes(StandardCharsets.UTF_8))
                .when().post("/tasks/" + task.id() + "/notes").then().statusCode(201).body("note", equalTo(note));
        asAdmin().when().get("/tasks/" + task.id() + "/history").then().statusCode(200)
                .body("note", hasItem(note)).body("action", contains("CREATED", "NOTE"));
    }

    private ValidatableResponse putRule(String code, String titleTemplate, String description) {
        return asAdmin().contentType(ContentType.JSON).body("{\"trigger\":\"INSPECTION\",\"assignee\":\"DISTRICT\","
                        + "\"titleTemplate\":" + json(titleTemplate) + ",\"enabled\":false,\"position\":990"
                        + (description == null ? "" : ",\"description\":" + json(description)) + "}")
                .when().put("/task-rules/" + code).then();
    }

    private static String ruleCode() {
        return "HOSTILE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    /** Text parts as UTF-8, int parts as raw bytes. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes(part.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private long history(String taskId) {
        return count("select count(*) from task_history where task_id = ?::uuid", taskId);
    }

    private long events(String taskId) {
        return count("select count(*) from outbox_event where event_key = ?", taskId);
    }

    private long count(String sql, String param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, param);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
