package vn.ntm.task.extensions;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.AdminUnitsChanged;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.contracts.Topics;
import vn.ntm.task.Auth;
import vn.ntm.task.BulkTasks;
import vn.ntm.task.FixedClock;
import vn.ntm.task.Fixtures;
import vn.ntm.task.InspectionEvents;
import vn.ntm.task.RegisterFixture;
import vn.ntm.task.intake.InspectionEventBatch;
import vn.ntm.task.lifecycle.DeadlineService;
import vn.ntm.task.register.RegisterCopyService;

import java.time.LocalDate;
import java.util.Map;
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
    FixedClock clock;
    @Inject
    RegisterCopyService register;
    @Inject
    AgroalDataSource dataSource;

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
                .getSchema(Fixtures.resource("/contracts/schemas/task-extension.v2.schema.json"), InputFormat.JSON);
        events.forEach(r -> assertThat(schema.validate(r.value(), InputFormat.JSON)).as(r.value()).isEmpty());
        events.forEach(r -> assertThat(Fixtures.header(r, CloudEventHeaders.DATA_SCHEMA))
                .isEqualTo(CloudEventHeaders.TASK_EXTENSION_V2_SCHEMA));
        events.forEach(r -> assertThat(JsonPath.from(r.value()).getString("provinceCode")).isNotBlank());
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

    /** Lạng Sơn's register on 2025-06-15 (the districts still exist), one sector, and a commune of Hà Nội. */
    private void langSonBeforeTheReorganisation() throws Exception {
        clock.set(BEFORE_REORGANISATION);
        register.apply(UUID.randomUUID(), Fixtures.JSON.readValue(RegisterFixture.langSon(), AdminUnitsChanged.class));
        register.apply(UUID.randomUUID(), Fixtures.JSON.readValue(haNoi(), AdminUnitsChanged.class));
        BulkTasks.execute(dataSource, "insert into sector (code, name, valid_from, valid_to, position)"
                + " values ('NNMT', 'Nông nghiệp và Môi trường', date '2025-03-01', null, 9001) on conflict do nothing");
    }

    /** Other classes expect no register copy (the seed's units ceased) and their own sector copy. */
    @AfterEach
    void realClockAndNoRegisterCopy() {
        clock.reset();
        RegisterFixture.deleteCopy(dataSource);
        BulkTasks.execute(dataSource, "delete from sector where position = 9001");
    }

    private static final LocalDate BEFORE_REORGANISATION = LocalDate.of(2025, 6, 15);

    @Test
    void aVerifierReassignsWithinTheProvinceUnderTheRegistersNameAndTheEventSaysWhoDidIt() throws Exception {
        langSonBeforeTheReorganisation();
        String id = aTask();
        // the client's name is ignored: the register names the new assignee
        String body = "{\"assignee\":{\"type\":\"UBND_XA\",\"code\":\"06523\",\"name\":\"Tổ chức tự đặt tên\"},"
                + "\"reason\":\"Sáp nhập địa giới\"}";
        post(assignee, "/tasks/" + id + "/reassign", body).statusCode(403);
        post(Auth.viewer("20"), "/tasks/" + id + "/reassign", body).statusCode(403);
        post(Auth.inspector("01"), "/tasks/" + id + "/reassign", body).statusCode(404);
        post(lead, "/tasks/" + id + "/reassign", "{\"assignee\":{\"type\":\"UBND_TINH\",\"code\":\"20\"}}")
                .statusCode(422).body("errors.field", contains("assignee.type", "reason"));
        asAdmin().when().get("/tasks/" + id).then().body("originalAssignee.code", equalTo("06490"));

        post(lead, "/tasks/" + id + "/reassign", body).statusCode(200)
                .header("ETag", "\"1\"")
                .body("assignee.code", equalTo("06523")).body("assignee.name", equalTo("UBND xã Chi Lăng"))
                .body("assigneeAsOf", equalTo("2025-06-15")).body("originalAssignee.code", equalTo("06490"));
        post(Auth.admin(), "/tasks/" + id + "/reassign", "{\"assignee\":{\"type\":\"UBND_HUYEN\",\"code\":\"181\"},"
                + "\"reason\":\"Huyện trực tiếp làm\"}").statusCode(200)
                .body("assignee.name", equalTo("UBND huyện Bình Gia")).body("originalAssignee.code", equalTo("06490"));
        post(Auth.inspector("20"), "/tasks/" + id + "/reassign", "{\"assignee\":{\"type\":\"SO_NGANH\","
                + "\"code\":\"20:NNMT\"},\"reason\":\"Sở chủ trì\"}").statusCode(200)
                .body("assignee.name", equalTo("Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn"));
        asAdmin().when().get("/tasks/" + id + "/history").then()
                .body("action", contains("CREATED", "REASSIGNED", "REASSIGNED", "REASSIGNED"))
                .body("actor[1]", equalTo("user-SO_NGANH:20:LDTBXH")).body("actor[2]", equalTo("admin-ntm"))
                .body("actor[3]", equalTo("inspector-20"))
                .body("[1].note", equalTo("UBND_XA:06490 → UBND_XA:06523"))
                .body("[1].reason", equalTo("Sáp nhập địa giới"))
                .body("[2].note", equalTo("UBND_XA:06523 → UBND_HUYEN:181"))
                .body("[3].note", equalTo("UBND_HUYEN:181 → SO_NGANH:20:NNMT"));
        // the former assignees no longer see it; the new one does, in the same province
        as(assignee).when().get("/tasks/" + id).then().statusCode(404);
        as(Auth.org("UBND_HUYEN:181")).when().get("/tasks/" + id).then().statusCode(404);
        as(Auth.org("SO_NGANH:20:NNMT")).when().get("/tasks/" + id).then().statusCode(200)
                .body("role", equalTo("ASSIGNEE"));
        assertThat(BulkTasks.count(dataSource, "select count(*) from task where id = ?::uuid and province_code = '20'",
                id)).isEqualTo(1);

        // one ntm.task.reassigned per reassignment, through the outbox, as the schema describes it
        java.util.List<ConsumerRecord<String, String>> events = Fixtures.read(Topics.TASK_EVENTS,
                r -> id.equals(r.key()) && EventTypes.TASK_REASSIGNED.equals(Fixtures.header(r, CloudEventHeaders.TYPE)),
                got -> got.size() >= 3, java.time.Duration.ofSeconds(60));
        assertThat(events).hasSize(3);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Fixtures.resource("/contracts/schemas/task-reassigned.v3.schema.json"), InputFormat.JSON);
        events.forEach(r -> assertThat(schema.validate(r.value(), InputFormat.JSON)).as(r.value()).isEmpty());
        assertThat(events).allSatisfy(r -> assertThat(Fixtures.header(r, CloudEventHeaders.DATA_SCHEMA))
                .isEqualTo(CloudEventHeaders.TASK_REASSIGNED_V3_SCHEMA));
        JsonPath first = JsonPath.from(events.get(0).value());
        assertThat(first.getString("rule")).isEqualTo("VERIFIER");
        assertThat(first.getString("actor")).isEqualTo("user-SO_NGANH:20:LDTBXH");
        assertThat(first.getString("assignee.name")).isEqualTo("UBND xã Chi Lăng");
        assertThat(first.getString("from.code")).isEqualTo("06490");
        assertThat(first.getString("fromAsOf")).isEqualTo("2022-07-20");
        assertThat(first.getString("assigneeAsOf")).isEqualTo("2025-06-15");
        assertThat(first.getString("effectiveOn")).isEqualTo("2025-06-15");
        assertThat(first.getString("legalBasis")).isNull();
        assertThat(first.getLong("version")).isEqualTo(1);
        assertThat(events).extracting(r -> JsonPath.from(r.value()).getString("actor"))
                .containsExactly("user-SO_NGANH:20:LDTBXH", "admin-ntm", "inspector-20");
    }

    @Test
    void refusesAnUnknownAForeignOrAnExpiredAssigneeWithStableCodesAndChangesNothing() throws Exception {
        langSonBeforeTheReorganisation();
        String id = aTask();
        String inspector = Auth.inspector("20");
        refused(inspector, id, "UBND_XA", "99999", "UNKNOWN_ASSIGNEE");
        refused(inspector, id, "SO_NGANH", "20:KHONGCO", "UNKNOWN_ASSIGNEE");
        refused(inspector, id, "SO_NGANH", "20", "UNKNOWN_ASSIGNEE");
        // Hà Nội's commune, coordination office and departments are not Lạng Sơn's to receive its work
        refused(inspector, id, "UBND_XA", "00004", "ASSIGNEE_OF_ANOTHER_PROVINCE");
        refused(Auth.admin(), id, "VP_DIEU_PHOI", "01", "ASSIGNEE_OF_ANOTHER_PROVINCE");
        refused(lead, id, "SO_NGANH", "01:NNMT", "ASSIGNEE_OF_ANOTHER_PROVINCE");
        clock.set(LocalDate.of(2025, 7, 2));
        // the districts are abolished, and so are the communes that merged
        refused(inspector, id, "UBND_HUYEN", "187", "ASSIGNEE_NOT_VALID");
        refused(inspector, id, "UBND_XA", "06523", "ASSIGNEE_NOT_VALID");
        clock.set(LocalDate.of(2025, 2, 15));
        // the department of a sector that does not exist yet
        refused(inspector, id, "SO_NGANH", "20:NNMT", "ASSIGNEE_NOT_VALID");

        asAdmin().when().get("/tasks/" + id).then().statusCode(200).body("version", equalTo(0))
                .body("assignee.code", equalTo("06490")).body("assignee.name", equalTo("UBND xã Thượng Cường"));
        asAdmin().when().get("/tasks/" + id + "/history").then().body("action", contains("CREATED"));
        assertThat(BulkTasks.count(dataSource, "select count(*) from task where id = ?::uuid and province_code = '20'"
                + " and assignee_code = '06490' and original_assignee_code is null", id)).isEqualTo(1);
        assertThat(Fixtures.readAllSent(dataSource, Topics.TASK_EVENTS, r -> id.equals(r.key())
                && EventTypes.TASK_REASSIGNED.equals(Fixtures.header(r, CloudEventHeaders.TYPE)))).isEmpty();
    }

    /** 422 problem+json on {@code assignee.code} with the stable {@code code}. */
    private void refused(String bearer, String id, String type, String code, String problem) {
        post(bearer, "/tasks/" + id + "/reassign", "{\"assignee\":{\"type\":\"" + type + "\",\"code\":\"" + code
                + "\"},\"reason\":\"Thử\"}").statusCode(422).contentType("application/problem+json").body("code", equalTo(problem))
                .body("errors.field", contains("assignee.code"));
    }

    @Test
    void aTaskOfAMergedProvinceGoesToAUnitOfItsSuccessorAndTakesItsProvince() throws Exception {
        UUID inspectionId = UUID.randomUUID();
        String commune = Fixtures.madeUpCommune();
        ObjectNode event = Fixtures.oneCommuneInspection(inspectionId, "2023-05-10", commune, null,
                Map.of(2, "NOT_MET"));
        event.putObject("province").put("code", "83").put("name", "Tỉnh Bến Tre");
        event.putObject("district").put("code", "831").put("name", "Huyện Châu Thành");
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.JSON.convertValue(event,
                InspectionFinalized.class));
        String id = asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", "UBND_XA")
                .queryParam("criterion", 2).when().get("/tasks").then().statusCode(200).body("total", equalTo(1))
                .extract().path("items[0].id");
        // Bến Tre (83) merged into Vĩnh Long (86) on 2025-07-01, where Xã Phú Túc (28810) began
        register.apply(UUID.randomUUID(), Fixtures.JSON.readValue(benTreIntoVinhLong(), AdminUnitsChanged.class));
        String benTre = Auth.inspector("83");

        post(benTre, "/tasks/" + id + "/reassign", "{\"assignee\":{\"type\":\"UBND_XA\",\"code\":\"06523\"},"
                + "\"reason\":\"x\"}").statusCode(422);
        post(benTre, "/tasks/" + id + "/reassign", "{\"assignee\":{\"type\":\"UBND_XA\",\"code\":\"28810\"},"
                + "\"reason\":\"Địa bàn mới của xã\"}").statusCode(200)
                .body("assignee.name", equalTo("UBND xã Phú Túc"));
        assertThat(BulkTasks.count(dataSource, "select count(*) from task where id = ?::uuid and province_code = '86'",
                id)).isEqualTo(1);
        // Vĩnh Long's officers verify it now; Bến Tre's no longer see it
        as(Auth.inspector("86")).when().get("/tasks/" + id).then().statusCode(200);
        as(benTre).when().get("/tasks/" + id).then().statusCode(404);
        java.util.List<ConsumerRecord<String, String>> events = Fixtures.read(Topics.TASK_EVENTS,
                r -> id.equals(r.key()) && EventTypes.TASK_REASSIGNED.equals(Fixtures.header(r, CloudEventHeaders.TYPE)),
                got -> !got.isEmpty(), java.time.Duration.ofSeconds(60));
        assertThat(JsonPath.from(events.get(0).value()).getString("assignee.code")).isEqualTo("28810");
    }

    /** Hà Nội (01) with one ward, for a unit of another province. */
    private static String haNoi() {
        return "{\"schemaVersion\":1,\"registerVersion\":\"units-2025-07\",\"provinceCode\":\"01\",\"units\":["
                + "{\"level\":\"province\",\"code\":\"01\",\"name\":\"Thành phố Hà Nội\",\"type\":\"Thành phố\","
                + "\"parentCode\":null,\"provinceCode\":\"01\",\"validFrom\":\"1900-01-01\",\"validTo\":null},"
                + "{\"level\":\"commune\",\"code\":\"00004\",\"name\":\"Phường Ba Đình\",\"type\":\"Phường\","
                + "\"parentCode\":\"01\",\"provinceCode\":\"01\",\"validFrom\":\"2025-07-01\",\"validTo\":null},"
                + "{\"level\":\"commune\",\"code\":\"00004\",\"name\":\"Phường Trúc Bạch\",\"type\":\"Phường\","
                + "\"parentCode\":\"001\",\"provinceCode\":\"01\",\"validFrom\":\"1900-01-01\","
                + "\"validTo\":\"2025-06-30\"}],\"successions\":[]}";
    }

    /** Bến Tre's province until 2025-06-30, succeeded by Vĩnh Long with its Xã Phú Túc from 2025-07-01. */
    private static String benTreIntoVinhLong() {
        return "{\"schemaVersion\":1,\"registerVersion\":\"units-2025-07\",\"provinceCode\":\"86\",\"units\":["
                + "{\"level\":\"province\",\"code\":\"83\",\"name\":\"Tỉnh Bến Tre\",\"type\":\"Tỉnh\","
                + "\"parentCode\":null,\"provinceCode\":\"83\",\"validFrom\":\"1900-01-01\",\"validTo\":\"2025-06-30\"},"
                + "{\"level\":\"province\",\"code\":\"86\",\"name\":\"Tỉnh Vĩnh Long\",\"type\":\"Tỉnh\","
                + "\"parentCode\":null,\"provinceCode\":\"86\",\"validFrom\":\"1900-01-01\",\"validTo\":null},"
                + "{\"level\":\"commune\",\"code\":\"28810\",\"name\":\"Xã Phú Túc\",\"type\":\"Xã\","
                + "\"parentCode\":\"86\",\"provinceCode\":\"86\",\"validFrom\":\"2025-07-01\",\"validTo\":null}],"
                + "\"successions\":[{\"fromCode\":\"83\",\"toCode\":\"86\",\"effectiveOn\":\"2025-07-01\","
                + "\"legalBasis\":\"Nghị quyết 202/2025/QH15\"}]}";
    }
}
