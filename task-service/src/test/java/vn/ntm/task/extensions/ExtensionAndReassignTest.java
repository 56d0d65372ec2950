package vn.ntm.task.extensions;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.task.Auth;
import vn.ntm.task.Fixtures;
import vn.ntm.task.InspectionEvents;
import vn.ntm.task.intake.InspectionEventBatch;
import vn.ntm.task.lifecycle.DeadlineService;
import vn.ntm.task.shared.TaskClock;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static vn.ntm.task.Auth.as;
import static vn.ntm.task.Auth.asAdmin;

/** README "Extensions and reassignment". */
@QuarkusTest
class ExtensionAndReassignTest {
    @Inject
    InspectionEventBatch inspections;
    @Inject
    DeadlineService deadlines;
    @Inject
    TaskClock clock;

    private final String assignee = Auth.org("UBND_XA:06490");
    private final String lead = Auth.org("SO_NGANH:20:LDTBXH");

    /** Thượng Cường's criterion-17 task of a fresh seed inspection: due 2022-10-30, so overdue today. */
    private String aTask() {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        return asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", "UBND_XA")
                .queryParam("assigneeCode", "06490").queryParam("criterion", 17)
                .when().get("/tasks").then().statusCode(200).extract().path("items[0].id");
    }

    private ValidatableResponse post(String bearer, String path, String body) {
        return as(bearer).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    private static String dayMonthYear(java.time.LocalDate date) {
        return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(date);
    }

    @Test
    void anApprovedExtensionBecomesTheDueDateThatOverdueAndDueSoonFollow() {
        String id = aTask();
        asAdmin().when().get("/tasks/" + id).then().body("overdue", equalTo(true));
        LocalDate newDue = clock.today().plusDays(3);
        String ext = post(assignee, "/tasks/" + id + "/extensions", "{\"dueDate\":\"" + newDue
                + "\",\"reason\":\"Mưa lũ kéo dài, chưa thi công được\"}").statusCode(201)
                .body("status", equalTo("PENDING")).body("previousDueDate", equalTo("2022-10-30"))
                .extract().path("id");
        // a second request while one waits: 409
        post(assignee, "/tasks/" + id + "/extensions", "{\"dueDate\":\"" + newDue.plusDays(1)
                + "\",\"reason\":\"x\"}").statusCode(409).contentType("application/problem+json");
        // the assignee does not approve its own request
        post(assignee, "/tasks/" + id + "/extensions/" + ext + "/approve", "{}").statusCode(403);
        asAdmin().when().get("/tasks/" + id).then().body("dueDate", equalTo("2022-10-30"));

        post(lead, "/tasks/" + id + "/extensions/" + ext + "/approve", "{\"reason\":\"Đồng ý\"}").statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("user-SO_NGANH:20:LDTBXH"));
        post(lead, "/tasks/" + id + "/extensions/" + ext + "/reject", "{\"reason\":\"đổi ý\"}").statusCode(409);
        asAdmin().when().get("/tasks/" + id).then().body("dueDate", equalTo(newDue.toString()))
                .body("overdue", equalTo(false));
        as(assignee).queryParam("overdue", "true").queryParam("size", 200).when().get("/tasks").then()
                .body("items.id", not(hasItem(id)));

        // due soon under the new date: reminded (even if it was reminded under the old one)
        while (deadlines.remindDueSoon(clock.today()) > 0) {
            // drain every batch
        }
        asAdmin().when().get("/tasks/" + id + "/history").then()
                .body("action", hasItem("EXTENSION_REQUESTED"))
                .body("action", hasItem("EXTENSION_APPROVED"))
                .body("action[-1]", equalTo("DUE_SOON"))
                .body("find { it.action == 'EXTENSION_APPROVED' }.note", equalTo("30/10/2022 → " + dayMonthYear(newDue)))
                .body("note[-1]", equalTo("Sắp đến hạn " + dayMonthYear(newDue)));
        asAdmin().when().get("/tasks/" + id + "/extensions").then().statusCode(200).body("", hasSize(1))
                .body("[0].requestedDueDate", equalTo(newDue.toString()));
    }

    @Test
    void requestsAndDecisionsAreTaskEventsThatMatchTheSchema() {
        String approved = aTask();
        String rejected = aTask();
        String ext1 = post(assignee, "/tasks/" + approved + "/extensions", "{\"dueDate\":\"2030-06-30\","
                + "\"reason\":\"Chờ vốn xây lò đốt rác\"}").statusCode(201).extract().path("id");
        post(lead, "/tasks/" + approved + "/extensions/" + ext1 + "/approve", "{\"reason\":\"Đồng ý\"}")
                .statusCode(200);
        String ext2 = post(assignee, "/tasks/" + rejected + "/extensions", "{\"dueDate\":\"2030-06-30\","
                + "\"reason\":\"Thiếu vốn\"}").statusCode(201).extract().path("id");
        post(lead, "/tasks/" + rejected + "/extensions/" + ext2 + "/reject", "{\"reason\":\"Không đủ căn cứ\"}")
                .statusCode(200);

        java.util.Set<String> types = java.util.Set.of(EventTypes.TASK_EXTENSION_REQUESTED,
                EventTypes.TASK_EXTENSION_DECIDED);
        java.util.List<ConsumerRecord<String, String>> events = Fixtures.read(Topics.TASK_EVENTS,
                r -> (approved.equals(r.key()) || rejected.equals(r.key()))
                        && types.contains(Fixtures.header(r, CloudEventHeaders.TYPE)),
                got -> got.size() >= 4, java.time.Duration.ofSeconds(60));
        assertThat(events).hasSize(4);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Fixtures.resource("/contracts/schemas/task-extension.schema.json"), InputFormat.JSON);
        events.forEach(r -> assertThat(schema.validate(r.value(), InputFormat.JSON)).as(r.value()).isEmpty());
        java.util.List<String> seen = events.stream().map(r -> {
            JsonPath data = JsonPath.from(r.value());
            return r.key().equals(approved) ? "approved " + Fixtures.header(r, CloudEventHeaders.TYPE) + " "
                    + data.getString("extension.status") + " " + data.getString("dueDate")
                    : "rejected " + Fixtures.header(r, CloudEventHeaders.TYPE) + " "
                    + data.getString("extension.status") + " " + data.getString("dueDate");
        }).toList();
        assertThat(seen).containsExactlyInAnyOrder(
                "approved ntm.task.extension-requested PENDING 2022-10-30",
                "approved ntm.task.extension-decided APPROVED 2030-06-30",
                "rejected ntm.task.extension-requested PENDING 2022-10-30",
                "rejected ntm.task.extension-decided REJECTED 2022-10-30");
        JsonPath decided = events.stream().filter(r -> r.key().equals(rejected) && EventTypes.TASK_EXTENSION_DECIDED
                .equals(Fixtures.header(r, CloudEventHeaders.TYPE))).map(r -> JsonPath.from(r.value()))
                .findFirst().orElseThrow();
        assertThat(decided.getString("extension.decidedBy")).isEqualTo("user-SO_NGANH:20:LDTBXH");
        assertThat(decided.getString("extension.decisionNote")).isEqualTo("Không đủ căn cứ");
        assertThat(decided.getString("extension.requestedBy")).isEqualTo("user-UBND_XA:06490");
    }

    @Test
    void aRejectionNeedsAReasonAndKeepsTheDate() {
        String id = aTask();
        String ext = post(assignee, "/tasks/" + id + "/extensions", "{\"dueDate\":\"2030-01-31\",\"reason\":\"Thiếu"
                + " vốn\"}").statusCode(201).extract().path("id");
        post(Auth.inspector("20"), "/tasks/" + id + "/extensions/" + ext + "/reject", "{}").statusCode(422)
                .body("errors.field", contains("reason"));
        post(Auth.inspector("20"), "/tasks/" + id + "/extensions/" + ext + "/reject",
                "{\"reason\":\"Không đủ căn cứ\"}").statusCode(200).body("status", equalTo("REJECTED"));
        asAdmin().when().get("/tasks/" + id).then().body("dueDate", equalTo("2022-10-30"));
    }

    @Test
    void refusesBadExtensionRequestsWithProblemJsonAndWritesNothing() {
        String id = aTask();
        post(assignee, "/tasks/" + id + "/extensions", "{\"dueDate\":\"2022-10-01\",\"reason\":\"sớm hơn\"}")
                .statusCode(422).body("errors.field", contains("dueDate"));
        post(assignee, "/tasks/" + id + "/extensions", "{\"dueDate\":\"2030-01-01\"}").statusCode(422)
                .body("errors.field", contains("reason"));
        post(assignee, "/tasks/" + id + "/extensions", "{\"dueDate\":\"31/12/2030\",\"reason\":\"x\"}")
                .statusCode(400).contentType("application/problem+json");
        post(lead, "/tasks/" + id + "/extensions", "{\"dueDate\":\"2030-01-01\",\"reason\":\"x\"}").statusCode(403);
        post(Auth.org("UBND_XA:06523"), "/tasks/" + id + "/extensions", "{\"dueDate\":\"2030-01-01\",\"reason\":\"x\"}")
                .statusCode(404);
        post(lead, "/tasks/" + id + "/extensions/" + UUID.randomUUID() + "/approve", "{}").statusCode(404);
        asAdmin().when().get("/tasks/" + id + "/extensions").then().body("", hasSize(0));
        asAdmin().when().get("/tasks/" + id + "/history").then().body("", hasSize(1));
    }

    @Test
    void aVerifierReassignsAndTheHistoryKeepsThePreviousAssignee() {
        String id = aTask();
        String body = "{\"assignee\":{\"type\":\"UBND_XA\",\"code\":\"06523\",\"name\":\"UBND xã Chi Lăng\"},"
                + "\"reason\":\"Sáp nhập địa giới\"}";
        post(assignee, "/tasks/" + id + "/reassign", body).statusCode(403);
        post(Auth.viewer("20"), "/tasks/" + id + "/reassign", body).statusCode(403);
        post(lead, "/tasks/" + id + "/reassign", "{\"assignee\":{\"type\":\"UBND_TINH\",\"code\":\"20\"}}")
                .statusCode(422).body("errors.field", contains("assignee.type", "reason"));
        asAdmin().when().get("/tasks/" + id).then().body("originalAssignee.code", equalTo("06490"));

        post(lead, "/tasks/" + id + "/reassign", body).statusCode(200)
                .body("assignee.code", equalTo("06523")).body("originalAssignee.code", equalTo("06490"));
        post(Auth.admin(), "/tasks/" + id + "/reassign", "{\"assignee\":{\"type\":\"UBND_HUYEN\",\"code\":\"181\"},"
                + "\"reason\":\"Huyện trực tiếp làm\"}").statusCode(200).body("originalAssignee.code", equalTo("06490"));
        asAdmin().when().get("/tasks/" + id + "/history").then()
                .body("action", contains("CREATED", "REASSIGNED", "REASSIGNED"))
                .body("[1].note", equalTo("UBND_XA:06490 → UBND_XA:06523"))
                .body("[1].reason", equalTo("Sáp nhập địa giới"))
                .body("[2].note", equalTo("UBND_XA:06523 → UBND_HUYEN:181"));
        // the former assignee no longer sees it; the new one does
        as(assignee).when().get("/tasks/" + id).then().statusCode(404);
        as(Auth.org("UBND_HUYEN:181")).when().get("/tasks/" + id).then().statusCode(200);
    }
}
