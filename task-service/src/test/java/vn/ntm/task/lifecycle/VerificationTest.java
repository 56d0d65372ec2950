package vn.ntm.task.lifecycle;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.task.Auth;
import vn.ntm.task.Fixtures;
import vn.ntm.task.InspectionEvents;
import vn.ntm.task.Multipart;
import vn.ntm.task.intake.InspectionEventBatch;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.ntm.task.Auth.as;
import static vn.ntm.task.Auth.asAdmin;

/**
 * README "Lifecycle": the assignee works and reports, a verifier (the inspection's lead agency SO_NGANH:20:LDTBXH,
 * the coordination office VP_DIEU_PHOI:20, an inspector or admin of province 20) accepts or returns.
 */
@QuarkusTest
class VerificationTest {
    private static final String COMMUNE = "UBND_XA:06490";

    @Inject
    InspectionEventBatch inspections;

    private final String assignee = Auth.org(COMMUNE);
    private final String lead = Auth.org("SO_NGANH:20:LDTBXH");
    private final String office = Auth.org("VP_DIEU_PHOI:20");

    /** The seed inspection's "maintain met criteria" task of Thượng Cường (UBND_XA:06490). */
    private String aCommuneTask() {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        return asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", "UBND_XA")
                .queryParam("assigneeCode", "06490").queryParam("criterion", 17)
                .when().get("/tasks").then().statusCode(200).body("total", equalTo(1))
                .extract().path("items[0].id");
    }

    private io.restassured.response.ValidatableResponse patch(String bearer, String id, long version, String body) {
        return as(bearer).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"").body(body)
                .when().patch("/tasks/" + id).then();
    }

    private String upload(String bearer, String id, String name) {
        return Multipart.file(as(bearer), name, Multipart.pdf(name)).post("/tasks/" + id + "/evidence")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void anAssigneeCannotReachDone() {
        String id = aCommuneTask();
        patch(assignee, id, 0, "{\"status\":\"DONE\"}").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://ntm.gov.vn/problems/conflict"))
                .body("code", equalTo("TRANSITION_NOT_ALLOWED"));
        patch(assignee, id, 0, "{\"status\":\"IN_PROGRESS\"}").statusCode(200);
        patch(assignee, id, 1, "{\"status\":\"DONE\"}").statusCode(409);
        upload(assignee, id, "Biên bản.pdf");
        patch(assignee, id, 1, "{\"status\":\"REPORTED\",\"report\":\"Đã xong\"}").statusCode(200);
        patch(assignee, id, 2, "{\"status\":\"DONE\"}").statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("VERIFIER_ONLY"));
        // an assignee that also holds a verifier's claim still does not verify its own work
        String both = Auth.token("xa-and-office", "org").org(COMMUNE).org("VP_DIEU_PHOI:20").bearer();
        patch(both, id, 2, "{\"status\":\"DONE\"}").statusCode(403);
        patch(both, id, 2, "{\"status\":\"CANCELLED\",\"reason\":\"tự hủy\"}").statusCode(403);
        asAdmin().when().get("/tasks/" + id).then().body("status", equalTo("REPORTED")).body("version", equalTo(2));
        patch(lead, id, 2, "{\"status\":\"DONE\"}").statusCode(200).body("status", equalTo("DONE"));
    }

    @Test
    void reportWithAFileThenReturnThenReportAgainThenAccept() {
        String id = aCommuneTask();
        patch(assignee, id, 0, "{\"status\":\"IN_PROGRESS\"}").statusCode(200);
        String file = upload(assignee, id, "Biên bản nghiệm thu thôn Bản Chắt.pdf");
        patch(assignee, id, 1, "{\"status\":\"REPORTED\",\"report\":\"Đã thu gom rác thải 12/12 thôn\"}")
                .statusCode(200).body("status", equalTo("REPORTED"));
        // the lead agency sends it back, with a reason
        patch(lead, id, 2, "{\"status\":\"RETURNED\",\"reason\":\"Thiếu ảnh hiện trường\"}").statusCode(200)
                .body("status", equalTo("RETURNED"));

        // a RETURNED task is in the assignee's work list again
        as(assignee).queryParam("status", "OPEN,IN_PROGRESS,RETURNED").queryParam("size", 200)
                .when().get("/tasks").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.status", equalTo("RETURNED"));
        as(assignee).queryParam("status", "REPORTED").queryParam("size", 200)
                .when().get("/tasks").then().statusCode(200).body("items.id", not(hasItem(id)));

        patch(assignee, id, 3, "{\"status\":\"IN_PROGRESS\"}").statusCode(200);
        upload(assignee, id, "Ảnh hiện trường.pdf");
        patch(assignee, id, 4, "{\"status\":\"REPORTED\",\"report\":\"Bổ sung ảnh hiện trường\"}").statusCode(200);
        patch(office, id, 5, "{\"status\":\"DONE\",\"note\":\"Đạt\"}").statusCode(200).body("status", equalTo("DONE"));

        JsonPath history = asAdmin().when().get("/tasks/" + id + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("action")).containsExactly("CREATED", "STATUS_CHANGED", "EVIDENCE_ADDED",
                "STATUS_CHANGED", "STATUS_CHANGED", "STATUS_CHANGED", "EVIDENCE_ADDED", "STATUS_CHANGED",
                "STATUS_CHANGED");
        assertThat(history.getList("to")).containsExactly("OPEN", "IN_PROGRESS", "IN_PROGRESS", "REPORTED",
                "RETURNED", "IN_PROGRESS", "IN_PROGRESS", "REPORTED", "DONE");
        assertThat(history.getString("[4].actor")).isEqualTo("user-SO_NGANH:20:LDTBXH");
        assertThat(history.getString("[4].reason")).isEqualTo("Thiếu ảnh hiện trường");
        assertThat(history.getString("[3].report")).isEqualTo("Đã thu gom rác thải 12/12 thôn");
        assertThat(history.getString("[8].actor")).isEqualTo("user-VP_DIEU_PHOI:20");
        as(assignee).when().get("/tasks/" + id + "/evidence/" + file).then().statusCode(200);

        // every move is an ntm.task.status-changed event with the actor, the reason and the report
        List<ConsumerRecord<String, String>> events = Fixtures.read(Topics.TASK_EVENTS,
                r -> id.equals(r.key()) && EventTypes.TASK_STATUS_CHANGED.equals(Fixtures.header(r,
                        CloudEventHeaders.TYPE)), got -> got.size() >= 6, Duration.ofSeconds(60));
        assertThat(events).hasSize(6);
        List<JsonPath> changes = events.stream().map(r -> JsonPath.from(r.value())).toList();
        assertThat(changes).extracting(c -> c.getString("change.to")).containsExactly("IN_PROGRESS", "REPORTED",
                "RETURNED", "IN_PROGRESS", "REPORTED", "DONE");
        assertThat(changes.get(1).getString("change.report")).isEqualTo("Đã thu gom rác thải 12/12 thôn");
        assertThat(changes.get(2).getString("change.reason")).isEqualTo("Thiếu ảnh hiện trường");
        assertThat(changes.get(2).getString("change.actor")).isEqualTo("user-SO_NGANH:20:LDTBXH");
        assertThat(changes.get(5).getString("change.actor")).isEqualTo("user-VP_DIEU_PHOI:20");
    }

    @Test
    void refusesAReportWithoutTextOrEvidenceAndAReturnWithoutReasonWith422WritingNothing() {
        String id = aCommuneTask();
        patch(assignee, id, 0, "{\"status\":\"IN_PROGRESS\"}").statusCode(200);
        patch(assignee, id, 1, "{\"status\":\"REPORTED\"}").statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("report", "reason")).body("code", equalTo("REPORT_REQUIRED"));
        patch(assignee, id, 1, "{\"status\":\"REPORTED\",\"report\":\"Đã làm\"}").statusCode(422)
                .body("errors.field", contains("reason")).body("code", equalTo("EVIDENCE_REQUIRED"))
                .body("type", equalTo("https://ntm.gov.vn/problems/validation"));
        patch(assignee, id, 1, "{\"status\":\"REPORTED\",\"report\":\"Đã làm\",\"reason\":\"Việc tuyên truyền"
                + " miệng, không có văn bản\"}").statusCode(200);
        patch(lead, id, 2, "{\"status\":\"RETURNED\"}").statusCode(422).body("errors.field", contains("reason"))
                .body("code", equalTo("REASON_REQUIRED"));
        patch(lead, id, 2, "{\"status\":\"RETURNED\",\"reason\":\"   \"}").statusCode(422);
        patch(lead, id, 1, "{\"status\":\"DONE\"}").statusCode(412).contentType("application/problem+json");
        asAdmin().when().get("/tasks/" + id).then().body("status", equalTo("REPORTED")).body("version", equalTo(2));
        asAdmin().when().get("/tasks/" + id + "/history").then().body("action", contains("CREATED",
                "STATUS_CHANGED", "STATUS_CHANGED"));
    }

    @Test
    void cancellingAndReopeningAreForVerifiersWithAReason() {
        String id = aCommuneTask();
        patch(assignee, id, 0, "{\"status\":\"CANCELLED\",\"reason\":\"không cần\"}").statusCode(403)
                .body("code", equalTo("VERIFIER_ONLY"));
        patch(Auth.inspector("20"), id, 0, "{\"status\":\"CANCELLED\"}").statusCode(422)
                .body("errors.field", contains("reason"));
        patch(Auth.inspector("01"), id, 0, "{\"status\":\"CANCELLED\",\"reason\":\"x\"}").statusCode(404);
        patch(assignee, id, 0, "{\"status\":\"IN_PROGRESS\"}").statusCode(200);
        patch(assignee, id, 1, "{\"status\":\"REPORTED\",\"report\":\"r\",\"reason\":\"không có văn bản\"}")
                .statusCode(200);
        patch(Auth.inspector("20"), id, 2, "{\"status\":\"DONE\"}").statusCode(200);
        // reopening DONE: a verifier, with a reason; the task goes back to the assignee as RETURNED
        patch(lead, id, 3, "{\"status\":\"RETURNED\"}").statusCode(422);
        patch(assignee, id, 3, "{\"status\":\"RETURNED\",\"reason\":\"mở lại\"}").statusCode(403);
        patch(lead, id, 3, "{\"status\":\"RETURNED\",\"reason\":\"Kiểm tra lại phát hiện chưa đạt\"}")
                .statusCode(200);
        patch(office, id, 4, "{\"status\":\"CANCELLED\",\"reason\":\"Gộp vào nhiệm vụ khác\"}").statusCode(200);
        patch(office, id, 5, "{\"status\":\"RETURNED\",\"reason\":\"x\"}").statusCode(409);
    }

    @Test
    void theLeadAgencyAndTheCoordinationOfficeSeeTheInspectionsTasksButAnotherSectorDoesNot() {
        String id = aCommuneTask();
        as(lead).when().get("/tasks/" + id).then().statusCode(200);
        as(office).when().get("/tasks/" + id).then().statusCode(200);
        as(Auth.org("SO_NGANH:20:YT")).when().get("/tasks/" + id).then().statusCode(404);
        as(Auth.org("VP_DIEU_PHOI:01")).when().get("/tasks/" + id).then().statusCode(404);
    }
}
