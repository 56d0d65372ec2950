package vn.ntm.task.register;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The provincial departments merged on 1 March 2025 (criteria-service's seed, {@code ntm.sectors.changed} version 2
 * on the real broker: the golden {@code sectors-changed-2025-03.v2.json}): the work a 2023 inspection gave to Sở Tài
 * nguyên và Môi trường of Lạng Sơn is, in 2026, work of Sở Nông nghiệp và Môi trường of Lạng Sơn, named so, with the
 * first department kept as the original assignee; where a department split, the criterion's duty decides (11 → NNMT,
 * 12 → NV with GDDT cooperating, 8 → KHCN); the inspection's lead agency (LĐTBXH) is now Sở Nội vụ, which verifies.
 */
@QuarkusTest
class DepartmentSuccessionTest {
    private static final String SECTORS = "/contracts/golden/sectors-changed-2025-03.v2.json";

    @Inject
    InspectionEventBatch inspections;
    @Inject
    SuccessionService succession;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDepartmentsWorkOf2023IsShownIn2026WithItsSuccessorAndTheOriginalAssigneeKept() throws Exception {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), inspection2023(inspectionId));
        String environment = department(inspectionId, "20:TNMT", 17);
        String poverty = department(inspectionId, "20:LDTBXH", 11);
        String labour = department(inspectionId, "20:LDTBXH", 12);
        String ict = department(inspectionId, "20:TTTT", 8);
        String transport = department(inspectionId, "20:GTVT", 2);
        String environmentName = asAdmin().when().get("/tasks/" + environment).then().extract().path("assignee.name");
        assertThat(environmentName).isEqualTo("Sở Tài nguyên và Môi trường tỉnh Lạng Sơn");
        // work under way and work reported move alike
        String tnmt = Auth.org("SO_NGANH:20:TNMT");
        String ldtbxh = Auth.org("SO_NGANH:20:LDTBXH");
        patch(tnmt, environment, 0, "{\"status\":\"IN_PROGRESS\"}").statusCode(200);
        patch(ldtbxh, poverty, 0, "{\"status\":\"IN_PROGRESS\"}").statusCode(200);
        patch(ldtbxh, poverty, 1, "{\"status\":\"REPORTED\",\"report\":\"Đã rà soát hộ nghèo\",\"reason\":\"x\"}")
                .statusCode(200);

        UUID eventId = UUID.randomUUID();
        RegisterFixture.publish(Fixtures.resource(SECTORS), eventId, EventTypes.SECTORS_CHANGED);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .until(() -> count("select count(*) from task_succession_move m join task t on t.id = m.task_id"
                        + " where t.inspection_id = ?::uuid and m.kind = 'sector'", inspectionId.toString()) == 5);

        asAdmin().when().get("/tasks/" + environment).then().statusCode(200)
                .body("assignee.type", equalTo("SO_NGANH"))
                .body("assignee.code", equalTo("20:NNMT"))
                .body("assignee.name", equalTo("Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn"))
                .body("assigneeAsOf", equalTo("2025-03-01"))
                .body("originalAssignee.code", equalTo("20:TNMT"))
                .body("originalAssignee.name", equalTo("Sở Tài nguyên và Môi trường tỉnh Lạng Sơn"))
                .body("originalAssigneeAsOf", equalTo("2023-06-15"))
                .body("status", equalTo("IN_PROGRESS"))
                .body("needsReassignment", equalTo(false));
        asAdmin().when().get("/tasks/" + poverty).then().body("assignee.code", equalTo("20:NNMT"))
                .body("status", equalTo("REPORTED")).body("originalAssignee.code", equalTo("20:LDTBXH"));
        asAdmin().when().get("/tasks/" + labour).then().body("assignee.code", equalTo("20:NV"))
                .body("assignee.name", equalTo("Sở Nội vụ tỉnh Lạng Sơn"));
        asAdmin().when().get("/tasks/" + ict).then().body("assignee.code", equalTo("20:KHCN"))
                .body("assignee.name", equalTo("Sở Khoa học và Công nghệ tỉnh Lạng Sơn"));
        asAdmin().when().get("/tasks/" + transport).then().body("assignee.code", equalTo("20:XD"))
                .body("assignee.name", equalTo("Sở Xây dựng tỉnh Lạng Sơn"));

        // the new department works on them; the old one no longer sees them
        String nnmt = Auth.org("SO_NGANH:20:NNMT");
        assertThat(as(nnmt).queryParam("inspectionId", inspectionId).queryParam("assigneeType", "SO_NGANH")
                .when().get("/tasks").then().statusCode(200).extract().jsonPath().<String>getList("items.id"))
                .containsExactlyInAnyOrder(environment, poverty);
        as(nnmt).when().get("/tasks/" + environment).then().statusCode(200).body("role", equalTo("ASSIGNEE"));
        as(tnmt).when().get("/tasks/" + environment).then().statusCode(404);
        // cooperating departments follow too: NNPTNT's share of 17 went to NNMT, the assignee itself; vocational
        // training of 12 cooperates from GDDT
        as(Auth.org("SO_NGANH:20:YT")).when().get("/tasks/" + environment).then().statusCode(200)
                .body("role", equalTo("COOPERATING"));
        as(Auth.org("SO_NGANH:20:NNPTNT")).when().get("/tasks/" + environment).then().statusCode(404);
        assertThat(count("select count(*) from task_participant where task_id = ?::uuid and org_code = '20:NNMT'",
                environment)).isZero();
        as(Auth.org("SO_NGANH:20:GDDT")).when().get("/tasks/" + labour).then().statusCode(200)
                .body("role", equalTo("COOPERATING"));
        // the inspection's lead agency LĐTBXH is now Sở Nội vụ: it verifies the reported work
        as(ldtbxh).when().get("/tasks/" + poverty).then().statusCode(404);
        patch(Auth.org("SO_NGANH:20:NV"), poverty, versionOf(poverty), "{\"status\":\"DONE\"}").statusCode(200);

        JsonPath history = asAdmin().when().get("/tasks/" + environment + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("action")).containsExactly("CREATED", "STATUS_CHANGED", "REASSIGNED");
        assertThat(history.getString("[2].actor")).isEqualTo(SuccessionService.ACTOR);
        assertThat(history.getString("[2].note")).contains("01/03/2025", "176/2025/QH15", "45/2025/NĐ-CP",
                "Sở Tài nguyên và Môi trường tỉnh Lạng Sơn (20:TNMT)",
                "Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn (20:NNMT)");

        List<ConsumerRecord<String, String>> events = Fixtures.read(Topics.TASK_EVENTS,
                r -> r.key().equals(environment)
                        && EventTypes.TASK_REASSIGNED.equals(Fixtures.header(r, CloudEventHeaders.TYPE)),
                found -> !found.isEmpty(), Duration.ofSeconds(60));
        assertThat(events).hasSize(1);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Fixtures.resource("/contracts/schemas/task-reassigned.v3.schema.json"), InputFormat.JSON);
        assertThat(schema.validate(events.get(0).value(), InputFormat.JSON)).isEmpty();
        assertThat(Fixtures.header(events.get(0), CloudEventHeaders.DATA_SCHEMA))
                .isEqualTo(CloudEventHeaders.TASK_REASSIGNED_V3_SCHEMA);
        JsonNode data = Fixtures.JSON.readTree(events.get(0).value());
        assertThat(data.at("/from/code").asText()).isEqualTo("20:TNMT");
        assertThat(data.at("/assignee/code").asText()).isEqualTo("20:NNMT");
        assertThat(data.at("/assignee/name").asText()).isEqualTo("Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn");
        assertThat(data.at("/originalAssignee/code").asText()).isEqualTo("20:TNMT");
        assertThat(data.at("/effectiveOn").asText()).isEqualTo("2025-03-01");
        assertThat(data.at("/rule").asText()).isEqualTo(SuccessionRules.SUCCESSOR);
        assertThat(data.at("/status").asText()).isEqualTo("IN_PROGRESS");

        // redelivered, re-announced, rerun: nothing moves twice
        RegisterFixture.publish(Fixtures.resource(SECTORS), eventId, EventTypes.SECTORS_CHANGED);
        RegisterFixture.publish(Fixtures.resource(SECTORS), UUID.randomUUID(), EventTypes.SECTORS_CHANGED);
        RegisterFixture.awaitConsumerCaughtUp();
        succession.runDue();
        assertThat(count("select count(*) from task_history h join task t on t.id = h.task_id"
                + " where t.inspection_id = ?::uuid and h.action = 'REASSIGNED'", inspectionId.toString()))
                .isEqualTo(5);
    }

    @Test
    void aSectorEventThatCanNeverBeAppliedIsDeadLettered() {
        UUID broken = UUID.randomUUID();
        RegisterFixture.publish("{\"schemaVersion\": 2, \"sectors\": [{\"code\": \"XD\"}]}", broken,
                EventTypes.SECTORS_CHANGED);
        List<ConsumerRecord<String, String>> dead = Fixtures.read(Topics.deadLetter(Topics.CRITERIA_EVENTS),
                r -> broken.toString().equals(Fixtures.header(r, CloudEventHeaders.ID)), found -> !found.isEmpty(),
                Duration.ofSeconds(30));
        assertThat(Fixtures.header(dead.get(0), CloudEventHeaders.DLQ_REASON)).contains("sectors[0]");
        assertThat(count("select count(*) from processed_event where event_id = ?::uuid", broken.toString()))
                .isZero();
    }

    /** The sector copy is this class's alone: other classes expect the departments of their inspections. */
    @AfterEach
    void removeTheSectorCopy() {
        RegisterFixture.awaitConsumerCaughtUp();
        sql("delete from sector_criterion_duty");
        sql("delete from sector_successor");
        sql("delete from sector");
        sql("delete from criterion_lead");
        sql("insert into criterion_lead (set_code, number, sector) select set_code, number, lead_sector"
                + " from catalog_criterion where lead_sector is not null");
    }

    /**
     * A 2023 inspection in Lạng Sơn of a commune of its own (a made-up code: no other class's open work on it settles
     * or absorbs this one's) with criteria 2, 8, 11, 12 and 17 not met.
     */
    private static InspectionFinalized inspection2023(UUID inspectionId) {
        String commune = Fixtures.madeUpCommune();
        ObjectNode event = Fixtures.oneCommuneInspection(inspectionId, "2023-06-15", commune, null,
                Map.of(2, "NOT_MET", 8, "NOT_MET", 11, "NOT_MET", 12, "NOT_MET", 17, "NOT_MET"));
        ((ObjectNode) event.get("communes").get(0)).put("targetYear", 2025);
        return Fixtures.JSON.convertValue(event, InspectionFinalized.class);
    }

    private static String department(UUID inspectionId, String code, int criterion) {
        return asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", "SO_NGANH")
                .queryParam("assigneeCode", code).queryParam("criterion", criterion).when().get("/tasks").then()
                .statusCode(200).body("total", equalTo(1)).extract().path("items[0].id");
    }

    private static long versionOf(String id) {
        return asAdmin().when().get("/tasks/" + id).then().statusCode(200).extract().jsonPath().getLong("version");
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
