package vn.ntm.task.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.testinfra.TopicReader;
import vn.ntm.task.Auth;
import vn.ntm.task.BulkTasks;
import vn.ntm.task.Fixtures;
import vn.ntm.task.InspectionEvents;
import vn.ntm.task.RegisterFixture;
import vn.ntm.task.intake.InspectionEventBatch;
import vn.ntm.task.shared.TaskClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The 2025-07-01 reorganisation of Lạng Sơn, as criteria-service announces it on the real broker, moves the seed
 * inspection's open tasks to the successor units exactly once (README "Succession of open work").
 */
@QuarkusTest
class RegisterSuccessionTest {
    private static final Set<String> CEASED = Set.of("UBND_XA:06490", "UBND_XA:06523", "UBND_HUYEN:187");

    @Inject
    InspectionEventBatch inspections;
    @Inject
    SuccessionService succession;
    @Inject
    TaskClock clock;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void seedTasksOfThuongCuongEndUpWithBangMacExactlyOnceAfterTheRegisterEvent() {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        Map<String, String> before = assignees(inspectionId);
        assertThat(before).hasSize(Fixtures.SEED_TASK_COUNT);
        List<String> thuongCuong = idsAssignedTo(before, "UBND_XA:06490");
        List<String> district = idsAssignedTo(before, "UBND_HUYEN:187");
        assertThat(thuongCuong).hasSizeGreaterThan(2);
        assertThat(district).isNotEmpty();
        String done = thuongCuong.get(0);
        update("update task set status = 'DONE' where id = ?::uuid", done);
        long toMove = before.entrySet().stream()
                .filter(e -> CEASED.contains(e.getValue()) && !e.getKey().equals(done)).count();

        String moved = thuongCuong.get(1);
        String originalName = Auth.asAdmin().when().get("/tasks/" + moved).then().statusCode(200).extract()
                .path("assignee.name");

        UUID eventId = UUID.randomUUID();
        String register = RegisterFixture.langSon();
        RegisterFixture.publish(register, eventId);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> moves(inspectionId) == toMove);

        Map<String, String> after = assignees(inspectionId);
        for (String id : thuongCuong.subList(1, thuongCuong.size())) {
            assertThat(after.get(id)).isEqualTo("UBND_XA:06475");
        }
        assertThat(after.get(done)).as("a DONE task stays").isEqualTo("UBND_XA:06490");
        for (String id : district) {
            assertThat(after.get(id)).isEqualTo("VP_DIEU_PHOI:20");
        }
        before.forEach((id, assignee) -> {
            if (assignee.startsWith("UBND_XA:06523")) {
                assertThat(after.get(id)).isEqualTo("UBND_XA:06463");
            } else if (assignee.startsWith("SO_NGANH") || assignee.startsWith("VP_DIEU_PHOI")) {
                assertThat(after.get(id)).as("province 20 goes on: its offices keep their tasks").isEqualTo(assignee);
            }
        });

        Auth.asAdmin().when().get("/tasks/" + moved).then().statusCode(200)
                .body("assignee.code", equalTo("06475"))
                .body("assignee.name", equalTo("UBND xã Bằng Mạc"))
                .body("originalAssignee.type", equalTo("UBND_XA"))
                .body("originalAssignee.code", equalTo("06490"))
                .body("originalAssignee.name", equalTo(originalName))
                .body("communeCode", equalTo("06490"))
                .body("needsReassignment", equalTo(false));
        Auth.asAdmin().when().get("/tasks/" + district.get(0)).then().statusCode(200)
                .body("assignee.type", equalTo("VP_DIEU_PHOI"))
                .body("assignee.code", equalTo("20"))
                .body("originalAssignee.code", equalTo("187"))
                .body("needsReassignment", equalTo(true));

        // users of the successor see the tasks at once; users of the old unit no longer do
        String bangMac = Auth.org("UBND_XA:06475");
        String thuongCuongUser = Auth.org("UBND_XA:06490");
        assertThat(Auth.as(bangMac).queryParam("inspectionId", inspectionId).queryParam("size", 200)
                .when().get("/tasks").then().statusCode(200).extract().jsonPath().getInt("total"))
                .isEqualTo(thuongCuong.size() - 1);
        assertThat(Auth.as(thuongCuongUser).queryParam("inspectionId", inspectionId).queryParam("size", 200)
                .when().get("/tasks").then().statusCode(200).extract().jsonPath().getList("items.id"))
                .containsExactly(done);
        Auth.as(bangMac).when().get("/tasks/" + moved).then().statusCode(200);
        assertThat(Auth.as(thuongCuongUser).when().get("/tasks/" + moved).then().extract().statusCode())
                .isIn(403, 404);

        JsonPath history = Auth.asAdmin().when().get("/tasks/" + moved + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("action")).containsExactly("CREATED", "REASSIGNED");
        assertThat(history.getString("[1].actor")).isEqualTo("system:register");
        assertThat(history.getString("[1].note")).contains(RegisterFixture.LEGAL_BASIS, "01/07/2025",
                originalName + " (06490)", "UBND xã Bằng Mạc (06475)");

        Set<String> movedIds = before.keySet().stream()
                .filter(id -> CEASED.contains(before.get(id)) && !id.equals(done)).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> events = reassignedEvents(movedIds, movedIds.size());
        assertThat(events).extracting(ConsumerRecord::key).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(movedIds);
        ConsumerRecord<String, String> event = events.stream().filter(r -> r.key().equals(moved)).findFirst()
                .orElseThrow();
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Fixtures.resource("/contracts/schemas/task-reassigned.v3.schema.json"), InputFormat.JSON);
        assertThat(schema.validate(event.value(), InputFormat.JSON)).isEmpty();
        assertThat(Fixtures.header(event, CloudEventHeaders.DATA_SCHEMA))
                .isEqualTo(CloudEventHeaders.TASK_REASSIGNED_V3_SCHEMA);
        JsonNode data = read(event.value());
        assertThat(data.at("/from/code").asText()).isEqualTo("06490");
        assertThat(data.at("/fromAsOf").asText()).isEqualTo("2022-07-20");
        assertThat(data.at("/assignee/code").asText()).isEqualTo("06475");
        assertThat(data.at("/assigneeAsOf").asText()).isEqualTo("2025-07-01");
        assertThat(data.at("/originalAssigneeAsOf").asText()).isEqualTo("2022-07-20");
        assertThat(data.at("/communeAsOf").asText()).isEqualTo("2022-07-20");
        Auth.asAdmin().when().get("/tasks/" + moved).then().statusCode(200)
                .body("assigneeAsOf", equalTo("2025-07-01"))
                .body("communeAsOf", equalTo("2022-07-20"))
                .body("originalAssigneeAsOf", equalTo("2022-07-20"));
        assertThat(data.at("/legalBasis").asText()).isEqualTo(RegisterFixture.LEGAL_BASIS);

        // the same event again (redelivery), and again under a new id (re-announcement): nothing moves twice
        RegisterFixture.publish(register, eventId);
        UUID again = UUID.randomUUID();
        RegisterFixture.publish(register, again);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> count("select count(*) from processed_event where event_id = ?::uuid", again.toString())
                        == 1);
        RegisterFixture.awaitConsumerCaughtUp();
        succession.runDue();
        assertThat(moves(inspectionId)).isEqualTo(toMove);
        assertThat(reassignedHistory(inspectionId)).isEqualTo(toMove);
        assertThat(count("select count(*) from outbox_event o join task t on t.id::text = o.event_key"
                + " where o.event_type = ? and t.inspection_id = ?::uuid", EventTypes.TASK_REASSIGNED,
                inspectionId.toString())).isEqualTo(toMove);
    }

    @Test
    void aTaskOfAUnitThatHadAlreadyCeasedIsCreatedForTheSuccessorDirectlyExactlyOnce() throws Exception {
        ensureRegister();
        succession.runDue();
        UUID inspectionId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        assertThat(InspectionEvents.handle(inspections, eventId, Fixtures.seedRecord(inspectionId)).created())
                .isEqualTo(Fixtures.SEED_TASK_COUNT);

        Map<String, String> assignees = assignees(inspectionId);
        assertThat(assignees.values()).doesNotContainAnyElementsOf(CEASED).contains("UBND_XA:06475",
                "UBND_XA:06463", "VP_DIEU_PHOI:20");
        long moved = moves(inspectionId);
        assertThat(moved).isPositive();
        // created for the successor: no reassignment afterwards, neither in the history nor as an event
        assertThat(reassignedHistory(inspectionId)).isZero();
        assertThat(count("select count(*) from outbox_event o join task t on t.id::text = o.event_key"
                + " where o.event_type = ? and t.inspection_id = ?::uuid", EventTypes.TASK_REASSIGNED,
                inspectionId.toString())).isZero();
        String bangMacTask = idsAssignedTo(assignees, "UBND_XA:06475").get(0);
        Auth.asAdmin().when().get("/tasks/" + bangMacTask).then().statusCode(200)
                .body("originalAssignee.code", equalTo("06490"))
                .body("assigneeAsOf", equalTo("2025-07-01"))
                .body("communeAsOf", equalTo("2022-07-20"));
        JsonPath history = Auth.asAdmin().when().get("/tasks/" + bangMacTask + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("action")).containsExactly("CREATED");
        assertThat(history.getString("[0].note")).contains("06490").contains("01/07/2025");
        Set<String> movedIds = assignees.keySet().stream()
                .filter(id -> count("select count(*) from task_succession_move where task_id = ?::uuid", id) > 0)
                .collect(Collectors.toSet());
        assertThat(movedIds).contains(bangMacTask);
        // one ntm.task.created per task, carrying the successor
        List<ConsumerRecord<String, String>> created = Fixtures.read(Topics.TASK_EVENTS,
                r -> assignees.containsKey(r.key())
                        && EventTypes.TASK_CREATED.equals(Fixtures.header(r, CloudEventHeaders.TYPE)),
                found -> found.size() >= assignees.size(), Duration.ofSeconds(60));
        assertThat(created).extracting(ConsumerRecord::key).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(assignees.keySet());
        for (ConsumerRecord<String, String> r : created) {
            JsonNode data = read(r.value());
            assertThat(data.get("assignee").get("type").asText() + ":" + data.get("assignee").get("code").asText())
                    .isEqualTo(assignees.get(r.key()));
        }

        // nothing is left for the scheduler, and a redelivered or re-published event creates nothing twice
        assertThat(succession.runDue()).isZero();
        assertThat(InspectionEvents.handle(inspections, eventId, Fixtures.seedRecord(inspectionId)).duplicate()).isTrue();
        assertThat(InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId)).created()).isZero();
        assertThat(moves(inspectionId)).isEqualTo(moved);
        assertThat(assignees(inspectionId)).isEqualTo(assignees);
        assertThat(count("select count(*) from task_history h join task t on t.id = h.task_id"
                + " where t.inspection_id = ?::uuid", inspectionId.toString())).isEqualTo(assignees.size());
    }

    @Test
    void aRunStoppedHalfWayMovesEachTaskOnceWhenResumed() {
        ensureRegister();
        succession.runDue();
        UUID inspectionId = UUID.randomUUID();
        createdBeforeTheRegisterArrived(inspectionId);
        Map<String, String> before = assignees(inspectionId);
        long toMove = before.values().stream().filter(CEASED::contains).count();

        assertThat(succession.run(clock.today(), 5)).isEqualTo(5);
        assertThat(moves(inspectionId)).isEqualTo(5);
        assertThat(succession.runDue()).isEqualTo(toMove - 5);
        assertThat(succession.runDue()).isZero();

        assertThat(moves(inspectionId)).isEqualTo(toMove);
        assertThat(reassignedHistory(inspectionId)).isEqualTo(toMove);
        assertThat(count("select count(*) from task_history h join task t on t.id = h.task_id"
                + " where t.inspection_id = ?::uuid and h.action = 'REASSIGNED'"
                + " group by h.task_id having count(*) > 1 limit 1", inspectionId.toString())).isZero();
        Set<String> movedIds = before.keySet().stream().filter(id -> CEASED.contains(before.get(id)))
                .collect(Collectors.toSet());
        assertThat(reassignedEvents(movedIds, movedIds.size())).extracting(ConsumerRecord::key)
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(movedIds);
        assertThat(assignees(inspectionId).values()).doesNotContainAnyElementsOf(CEASED);
    }

    @Test
    void concurrentRunsMoveEachTaskOnce() {
        ensureRegister();
        succession.runDue();
        UUID inspectionId = UUID.randomUUID();
        createdBeforeTheRegisterArrived(inspectionId);
        long toMove = assignees(inspectionId).values().stream().filter(CEASED::contains).count();

        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(CompletableFuture.supplyAsync(succession::runDue));
        }
        int total = runs.stream().mapToInt(CompletableFuture::join).sum();

        assertThat(total).isEqualTo(toMove);
        assertThat(moves(inspectionId)).isEqualTo(toMove);
        assertThat(reassignedHistory(inspectionId)).isEqualTo(toMove);
    }

    @Test
    void aMalformedRegisterEventIsDeadLetteredAndOtherTypesAreIgnored() {
        UUID broken = UUID.randomUUID();
        RegisterFixture.publish("{\"provinceCode\": \"20\", \"units\": [{\"code\": \"06490\"}]}", broken);
        // a criteria set without criteria cannot be copied (the catalog copy, README "Lead and cooperating
        // departments"): dead-lettered too; a type task-service does not consume is skipped
        UUID criteriaSet = UUID.randomUUID();
        RegisterFixture.publish("{\"code\": \"XA_NTM_2021_2025\"}", criteriaSet, EventTypes.CRITERIA_SET_PUBLISHED);
        UUID other = UUID.randomUUID();
        RegisterFixture.publish("{\"code\": \"XA_NTM_2021_2025\"}", other, "ntm.example.not-for-tasks");
        UUID valid = UUID.randomUUID();
        RegisterFixture.publish(RegisterFixture.langSon(), valid);

        List<ConsumerRecord<String, String>> dead = Fixtures.read(Topics.deadLetter(Topics.CRITERIA_EVENTS),
                r -> broken.toString().equals(Fixtures.header(r, CloudEventHeaders.ID)), found -> !found.isEmpty(),
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(Fixtures.header(dead.get(0), CloudEventHeaders.DLQ_REASON)).contains("units[0]");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> count("select count(*) from processed_event where event_id = ?::uuid",
                        valid.toString()) == 1);
        assertThat(count("select count(*) from processed_event where event_id = ?::uuid", criteriaSet.toString()))
                .isZero();
        List<ConsumerRecord<String, String>> deadSet = Fixtures.read(Topics.deadLetter(Topics.CRITERIA_EVENTS),
                r -> criteriaSet.toString().equals(Fixtures.header(r, CloudEventHeaders.ID)),
                found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertThat(deadSet).hasSize(1);
        assertThat(Fixtures.header(deadSet.get(0), CloudEventHeaders.DLQ_REASON)).contains("criteria");
        assertThat(count("select count(*) from processed_event where event_id = ?::uuid", other.toString()))
                .isZero();
        // the valid event after it was processed (one partition, in order): had it been dead-lettered, it would be there
        assertThat(TopicReader.ofTestBroker().readToEnd(Topics.deadLetter(Topics.CRITERIA_EVENTS),
                r -> other.toString().equals(Fixtures.header(r, CloudEventHeaders.ID)))).isEmpty();
    }

    /**
     * The seed inspection's tasks as they were when created before the register copy held Lạng Sơn (so they still
     * name the ceased units): the copy is set aside while they are created, then put back.
     */
    private void createdBeforeTheRegisterArrived(UUID inspectionId) {
        sql("create table admin_unit_aside as select * from admin_unit where province_code = '20'");
        sql("delete from admin_unit where province_code = '20'");
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        sql("insert into admin_unit select * from admin_unit_aside");
        sql("drop table admin_unit_aside");
        assertThat(assignees(inspectionId).values()).containsAll(CEASED);
    }

    /** Other test classes create tasks of the seed's (ceased) units: leave no register copy behind. */
    @org.junit.jupiter.api.AfterEach
    void removeTheRegisterCopy() {
        RegisterFixture.awaitConsumerCaughtUp();
        sql("delete from admin_unit_succession");
        sql("delete from admin_unit");
    }

    /** The register of Lạng Sơn is in the copy, and no run started by the consumer is still going. */
    private void ensureRegister() {
        if (count("select count(*) from admin_unit where code = '06490'") == 0) {
            RegisterFixture.publish(RegisterFixture.langSon(), UUID.randomUUID());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> count("select count(*) from admin_unit where code = '06490'") == 1);
        }
        RegisterFixture.awaitConsumerCaughtUp();
    }

    private static List<ConsumerRecord<String, String>> reassignedEvents(Set<String> taskIds, int expected) {
        return Fixtures.read(Topics.TASK_EVENTS, r -> taskIds.contains(r.key())
                        && EventTypes.TASK_REASSIGNED.equals(Fixtures.header(r, CloudEventHeaders.TYPE)),
                found -> found.size() >= expected, Duration.ofSeconds(60));
    }

    private static List<String> idsAssignedTo(Map<String, String> assignees, String assignee) {
        return assignees.entrySet().stream().filter(e -> e.getValue().equals(assignee)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** Task id → "type:code" of its assignee. */
    private Map<String, String> assignees(UUID inspectionId) {
        Map<String, String> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select id::text, assignee_type || ':' || assignee_code from task where inspection_id = ?")) {
            q.setObject(1, inspectionId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private long moves(UUID inspectionId) {
        return count("select count(*) from task_succession_move m join task t on t.id = m.task_id"
                + " where t.inspection_id = ?::uuid", inspectionId.toString());
    }

    private long reassignedHistory(UUID inspectionId) {
        return count("select count(*) from task_history h join task t on t.id = h.task_id"
                + " where t.inspection_id = ?::uuid and h.action = 'REASSIGNED' and h.actor = 'system:register'",
                inspectionId.toString());
    }

    private long count(String sql, String... params) {
        return BulkTasks.count(dataSource, sql, (Object[]) params);
    }

    private void sql(String statement) {
        BulkTasks.execute(dataSource, statement);
    }

    private void update(String sql, String param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, param);
            assertThat(q.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return Fixtures.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
