package vn.ntm.task.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.contracts.Topics;
import vn.ntm.task.Auth;
import vn.ntm.task.BulkTasks;
import vn.ntm.task.Fixtures;
import vn.ntm.task.InspectionEvents;
import vn.ntm.task.RegisterFixture;
import vn.ntm.task.intake.InspectionEventBatch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.ntm.task.Auth.as;
import static vn.ntm.task.Auth.asAdmin;

/**
 * Work that is reported or returned follows the unit too (issue 22 item 5, README "Succession of open work"): Xã Tân
 * Thạch (28804) of Bến Tre (83) became part of Xã Phú Túc (28810) of Vĩnh Long (86) on 2025-07-01. Its 2023 tasks —
 * one REPORTED with a pending extension request, one RETURNED — move to Phú Túc with province 86, so Vĩnh Long's
 * officers see and verify them and decide the request, and Bến Tre's no longer do.
 */
@QuarkusTest
class ActiveWorkSuccessionTest {
    private static final String TAN_THACH = "28804";
    private static final String PHU_TUC = "28810";
    private static final String BASIS = "Nghị quyết 1662/NQ-UBTVQH15";

    @Inject
    InspectionEventBatch inspections;
    @Inject
    SuccessionService succession;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void reportedAndReturnedTasksOfACeasedCommuneMoveWithTheNewProvinceAndTheirPendingExtension() throws Exception {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), benTreInspection(inspectionId));
        String reported = communeTask(inspectionId, 2);
        String returned = communeTask(inspectionId, 17);
        String tanThach = Auth.org("UBND_XA:" + TAN_THACH);
        String benTreInspector = Auth.inspector("83");

        // criterion 2: in progress, an extension asked for and still pending, then reported
        patch(tanThach, reported, 0, "{\"status\":\"IN_PROGRESS\"}").statusCode(200);
        String extension = as(tanThach).contentType(ContentType.JSON)
                .body("{\"dueDate\":\"2026-12-31\",\"reason\":\"Chờ vốn đầu tư công năm 2026\"}")
                .when().post("/tasks/" + reported + "/extensions").then().statusCode(201).extract().path("id");
        patch(tanThach, reported, 1, "{\"status\":\"REPORTED\",\"report\":\"Đã nhựa hóa 3 km đường xã\","
                + "\"reason\":\"Biên bản nghiệm thu gửi bản giấy\"}").statusCode(200);
        // criterion 17: reported, and sent back by Bến Tre's inspector
        patch(tanThach, returned, 0, "{\"status\":\"IN_PROGRESS\"}").statusCode(200);
        patch(tanThach, returned, 1, "{\"status\":\"REPORTED\",\"report\":\"Đã thu gom rác\","
                + "\"reason\":\"Ảnh gửi sau\"}").statusCode(200);
        patch(benTreInspector, returned, 2, "{\"status\":\"RETURNED\",\"reason\":\"Thiếu ảnh hiện trường\"}")
                .statusCode(200);
        String originalName = asAdmin().when().get("/tasks/" + reported).then().extract().path("assignee.name");

        // criterion-events brings the register of Bến Tre and Vĩnh Long: the consumer applies it and runs the succession
        RegisterFixture.publish(benTre(), UUID.randomUUID());
        RegisterFixture.publish(vinhLong(), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> count("select count(*) from task_succession_move where task_id in (?::uuid, ?::uuid)",
                        reported, returned) == 2);

        for (String id : List.of(reported, returned)) {
            asAdmin().when().get("/tasks/" + id).then().statusCode(200)
                    .body("assignee.type", equalTo("UBND_XA"))
                    .body("assignee.code", equalTo(PHU_TUC))
                    .body("assignee.name", equalTo("UBND xã Phú Túc"))
                    .body("assigneeAsOf", equalTo("2025-07-01"))
                    .body("originalAssignee.code", equalTo(TAN_THACH))
                    .body("originalAssignee.name", equalTo(originalName))
                    .body("communeCode", equalTo(TAN_THACH))
                    .body("communeAsOf", equalTo("2023-05-10"));
        }
        asAdmin().when().get("/tasks/" + reported).then().body("status", equalTo("REPORTED"));
        asAdmin().when().get("/tasks/" + returned).then().body("status", equalTo("RETURNED"));
        assertThat(count("select count(*) from task where id in (?::uuid, ?::uuid) and province_code = '86'",
                reported, returned)).isEqualTo(2);

        // Vĩnh Long's officers see and verify them; Bến Tre's (a province that no longer exists) no longer do
        String vinhLongInspector = Auth.inspector("86");
        assertThat(as(vinhLongInspector).queryParam("inspectionId", inspectionId).queryParam("size", 200)
                .when().get("/tasks").then().statusCode(200).extract().jsonPath().<String>getList("items.id"))
                .contains(reported, returned);
        as(Auth.viewer("86")).when().get("/tasks/" + reported).then().statusCode(200);
        as(benTreInspector).when().get("/tasks/" + reported).then().statusCode(404);
        as(Auth.org("VP_DIEU_PHOI:86")).when().get("/tasks/" + returned).then().statusCode(200);

        // the pending request followed the task: Vĩnh Long's inspector decides it, then accepts the report
        as(vinhLongInspector).when().get("/tasks/" + reported + "/extensions").then().statusCode(200)
                .body("[0].id", equalTo(extension)).body("[0].status", equalTo("PENDING"));
        as(vinhLongInspector).contentType(ContentType.JSON).body("{\"reason\":\"Đồng ý\"}")
                .when().post("/tasks/" + reported + "/extensions/" + extension + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        long version = asAdmin().when().get("/tasks/" + reported).then().body("dueDate", equalTo("2026-12-31"))
                .extract().jsonPath().getLong("version");
        patch(vinhLongInspector, reported, version, "{\"status\":\"DONE\"}").statusCode(200)
                .body("status", equalTo("DONE"));
        // the successor commune takes the returned work up again
        long returnedVersion = asAdmin().when().get("/tasks/" + returned).then().extract().jsonPath()
                .getLong("version");
        patch(Auth.org("UBND_XA:" + PHU_TUC), returned, returnedVersion, "{\"status\":\"IN_PROGRESS\"}")
                .statusCode(200);
        patch(tanThach, returned, returnedVersion + 1, "{\"status\":\"REPORTED\",\"report\":\"x\",\"reason\":\"y\"}")
                .statusCode(404);

        JsonPath history = asAdmin().when().get("/tasks/" + reported + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("action")).containsSubsequence("EXTENSION_REQUESTED", "STATUS_CHANGED",
                "REASSIGNED", "EXTENSION_APPROVED", "STATUS_CHANGED");
        int reassigned = history.getList("action").indexOf("REASSIGNED");
        assertThat(history.getString("[" + reassigned + "].actor")).isEqualTo(SuccessionService.ACTOR);
        assertThat(history.getString("[" + reassigned + "].from")).isEqualTo("REPORTED");
        assertThat(history.getString("[" + reassigned + "].note")).contains(BASIS, "01/07/2025",
                "(28804) →", "UBND xã Phú Túc (28810)");

        // one ntm.task.reassigned each, as today's moves publish it, with the status the task had
        List<ConsumerRecord<String, String>> events = Fixtures.read(Topics.TASK_EVENTS,
                r -> (r.key().equals(reported) || r.key().equals(returned))
                        && EventTypes.TASK_REASSIGNED.equals(Fixtures.header(r, CloudEventHeaders.TYPE)),
                found -> found.size() >= 2, Duration.ofSeconds(60));
        assertThat(events).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(reported, returned);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Fixtures.resource("/contracts/schemas/task-reassigned.v3.schema.json"), InputFormat.JSON);
        for (ConsumerRecord<String, String> e : events) {
            assertThat(schema.validate(e.value(), InputFormat.JSON)).isEmpty();
            JsonNode data = Fixtures.JSON.readTree(e.value());
            assertThat(data.at("/status").asText()).isEqualTo(e.key().equals(reported) ? "REPORTED" : "RETURNED");
            assertThat(data.at("/assignee/code").asText()).isEqualTo(PHU_TUC);
            assertThat(data.at("/from/code").asText()).isEqualTo(TAN_THACH);
            assertThat(data.at("/rule").asText()).isEqualTo(SuccessionRules.SUCCESSOR);
            assertThat(data.at("/legalBasis").asText()).isEqualTo(BASIS);
        }

        // nothing moves twice
        RegisterFixture.awaitConsumerCaughtUp();
        succession.runDue();
        assertThat(count("select count(*) from task_history where task_id in (?::uuid, ?::uuid)"
                + " and action = 'REASSIGNED'", reported, returned)).isEqualTo(2);
    }

    /** The register copy of Bến Tre and Vĩnh Long is this class's alone: other classes expect none. */
    @AfterEach
    void removeTheRegisterCopy() {
        RegisterFixture.awaitConsumerCaughtUp();
        sql("delete from admin_unit_succession where event_province in ('83', '86')");
        sql("delete from admin_unit where event_province in ('83', '86')");
    }

    /** A 2023 inspection of Xã Tân Thạch, Huyện Châu Thành, Tỉnh Bến Tre: criteria 2 and 17 not met. */
    private static InspectionFinalized benTreInspection(UUID inspectionId) {
        ObjectNode event = Fixtures.oneCommuneInspection(inspectionId, "2023-05-10", TAN_THACH, null,
                Map.of(2, "NOT_MET", 17, "NOT_MET"));
        event.put("title", "Kiểm tra xây dựng nông thôn mới tại xã Tân Thạch năm 2023");
        event.putObject("province").put("code", "83").put("name", "Tỉnh Bến Tre");
        event.putObject("district").put("code", "831").put("name", "Huyện Châu Thành");
        event.putObject("leadAgency").put("type", "SO_NGANH").put("code", "83:NNPTNT")
                .put("name", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bến Tre");
        event.putArray("participants");
        ((ObjectNode) event.get("communes").get(0)).put("name", "Xã Tân Thạch").put("targetYear", 2025);
        return Fixtures.JSON.convertValue(event, InspectionFinalized.class);
    }

    /** Bến Tre's units (rows of shared/data/admin-units) until 2025-06-30 and their successions in Vĩnh Long. */
    private static String benTre() {
        ObjectNode event = register("83");
        ArrayNode units = (ArrayNode) event.get("units");
        unit(units, "province", "83", "Tỉnh Bến Tre", "Tỉnh", null, "83", "1900-01-01", "2025-06-30");
        unit(units, "district", "831", "Huyện Châu Thành", "Huyện", "83", "83", "1900-01-01", "2025-06-30");
        unit(units, "commune", TAN_THACH, "Xã Tân Thạch", "Xã", "831", "83", "1900-01-01", "2025-06-30");
        unit(units, "commune", PHU_TUC, "Thị trấn Châu Thành", "Thị trấn", "831", "83", "1900-01-01",
                "2025-06-30");
        ArrayNode successions = (ArrayNode) event.get("successions");
        successions.addObject().put("fromCode", TAN_THACH).put("toCode", PHU_TUC).put("effectiveOn", "2025-07-01")
                .put("legalBasis", BASIS);
        successions.addObject().put("fromCode", "83").put("toCode", "86").put("effectiveOn", "2025-07-01")
                .put("legalBasis", "Nghị quyết 202/2025/QH15");
        return event.toString();
    }

    private static String vinhLong() {
        ObjectNode event = register("86");
        ArrayNode units = (ArrayNode) event.get("units");
        unit(units, "province", "86", "Tỉnh Vĩnh Long", "Tỉnh", null, "86", "1900-01-01", null);
        unit(units, "commune", PHU_TUC, "Xã Phú Túc", "Xã", "86", "86", "2025-07-01", null);
        return event.toString();
    }

    private static ObjectNode register(String province) {
        ObjectNode event = Fixtures.JSON.createObjectNode();
        event.put("schemaVersion", 1).put("registerVersion", "units-2025-07").put("provinceCode", province);
        event.putArray("units");
        event.putArray("successions");
        return event;
    }

    private static void unit(ArrayNode units, String level, String code, String name, String type, String parent,
                             String province, String from, String to) {
        units.addObject().put("code", code).put("name", name).put("type", type).put("level", level)
                .put("parentCode", parent).put("provinceCode", province).put("validFrom", from).put("validTo", to);
    }

    private static String communeTask(UUID inspectionId, int criterion) {
        return asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", "UBND_XA")
                .queryParam("criterion", criterion).when().get("/tasks").then().statusCode(200)
                .body("total", equalTo(1)).extract().path("items[0].id");
    }

    private static ValidatableResponse patch(String bearer, String id, long version, String body) {
        return as(bearer).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"").body(body)
                .when().patch("/tasks/" + id).then();
    }

    private long count(String sql, String... params) {
        return BulkTasks.count(dataSource, sql, (Object[]) params);
    }

    private void sql(String statement) {
        BulkTasks.execute(dataSource, statement);
    }
}
