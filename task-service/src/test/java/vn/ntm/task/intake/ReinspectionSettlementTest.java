package vn.ntm.task.intake;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.task.Auth;
import vn.ntm.task.Fixtures;
import vn.ntm.task.RegisterFixture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13 item 5: a re-inspection settles the open work of earlier inspections for the same commune and criterion
 * (MET → done, verified by the inspection; NOT_MET → the open task continues, no duplicate), across sets only
 * through the catalog's explicit mapping, exactly once under redelivery.
 */
@QuarkusTest
class ReinspectionSettlementTest {
    @Inject
    AgroalDataSource dataSource;

    /** Other test classes create tasks of the seed's (ceased) units: leave no register copy behind. */
    @org.junit.jupiter.api.AfterEach
    void removeTheRegisterCopy() {
        RegisterFixture.removeCopy(dataSource);
    }

    @Test
    void reinspectionOfThuongCuongFindingCriterion17MetClosesItsThreeTasksAndCriterion2StillUnmetAddsNone()
            throws Exception {
        UUID first = UUID.randomUUID();
        Fixtures.publishSeed(first);
        Fixtures.awaitTasks(first, Fixtures.SEED_TASK_COUNT);
        List<Map<String, Object>> c17 = tasks(first, "06490", 17).getList("items");
        assertThat(tasks(first, "06490", 17).<String>getList("items.assignee.code"))
                .containsExactlyInAnyOrder("06490", "187", "20:TNMT"); // commune, district, lead department
        List<Map<String, Object>> c2 = tasks(first, "06490", 2).getList("items");
        assertThat(c2).hasSize(3);

        UUID second = UUID.randomUUID();
        ObjectNode reinspection = reinspection(second, "2022-11-15", Map.of(17, "MET", 2, "NOT_MET"),
                "2023-06-30");
        UUID eventId = publish(second, reinspection);

        // criterion 17 met: the three open tasks are done, with the re-inspection as the verifying act
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                tasks(first, "06490", 17).getList("items.status").stream().allMatch("DONE"::equals));
        String actor = "inspection:" + second;
        for (Map<String, Object> task : c17) {
            JsonPath history = history((String) task.get("id"));
            List<Map<String, Object>> entries = history.getList("");
            Map<String, Object> last = entries.get(entries.size() - 1);
            assertThat(last).containsEntry("action", "STATUS_CHANGED").containsEntry("to", "DONE")
                    .containsEntry("from", "OPEN").containsEntry("actor", actor);
            assertThat((String) last.get("reason")).contains("15/11/2022")
                    .contains("tiêu chí số 17").doesNotContain(second.toString()); // the id is the actor's
        }
        String settledId = (String) c17.get(0).get("id");
        List<ConsumerRecord<String, String>> events = Fixtures.read(Topics.TASK_EVENTS,
                r -> r.key().equals(settledId) && EventTypes.TASK_STATUS_CHANGED.equals(type(r)),
                kept -> !kept.isEmpty(), Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        JsonNode change = Fixtures.JSON.readTree(events.get(0).value()).get("change");
        assertThat(change.get("to").asText()).isEqualTo("DONE");
        assertThat(change.get("actor").asText()).isEqualTo(actor);
        assertThat(change.get("reason").asText()).contains("tiêu chí số 17").doesNotContain(second.toString());

        // criterion 2 still unmet: no new task; the open ones continue under the re-inspection with its deadline
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                tasks(first, "06490", 2).getList("items.latestInspectionId").stream()
                        .allMatch(second.toString()::equals));
        assertThat(tasks(second, "06490", 2).getInt("total")).isZero();
        assertThat(tasks(first, "06490", 2).getList("items.dueDate")).containsOnly("2023-06-30");
        assertThat(tasks(first, "06490", 2).getList("items.status")).containsOnly("OPEN");
        assertThat(history((String) c2.get(0).get("id")).getList("action")).containsOnlyOnce("INSPECTION_LINKED");
        // consumers learn it from one ntm.task.inspection-linked event per task: the task as it goes on (schema v3)
        String linkedId = (String) c2.get(0).get("id");
        List<ConsumerRecord<String, String>> linked = Fixtures.read(Topics.TASK_EVENTS,
                r -> r.key().equals(linkedId) && EventTypes.TASK_INSPECTION_LINKED.equals(type(r)),
                kept -> !kept.isEmpty(), Duration.ofSeconds(30));
        assertThat(linked).hasSize(1);
        JsonNode data = Fixtures.JSON.readTree(linked.get(0).value());
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Fixtures.resource("/contracts/schemas/task-event.v3.schema.json"), InputFormat.JSON)
                .validate(linked.get(0).value(), InputFormat.JSON)).isEmpty();
        assertThat(data.get("latestInspectionId").asText()).isEqualTo(second.toString());
        assertThat(data.get("provinceCode").asText()).isEqualTo("20");
        assertThat(data.get("dueDate").asText()).isEqualTo("2023-06-30");
        assertThat(data.get("version").asLong()).isEqualTo(Auth.asAdmin().when().get("/tasks/" + linkedId)
                .then().extract().jsonPath().getLong("version"));
        // "keep the criteria met" is one piece of work per commune: the first inspection's goes on, none is added
        assertThat(Fixtures.tasksOf(second).getList("items.ruleCode")).doesNotContain("MET_MAINTAIN");
        assertThat(Fixtures.tasksOf(first).<Map<String, Object>>getList("items").stream()
                .filter(t -> "MET_MAINTAIN".equals(t.get("ruleCode")) && "06490".equals(t.get("communeCode"))))
                .singleElement().satisfies(t -> assertThat(t).containsEntry("status", "OPEN")
                        .containsEntry("latestInspectionId", second.toString()));
        int created = Fixtures.tasksOf(second).getInt("total");

        // redelivered (same id) and re-published (new id): nothing more happens
        Fixtures.publish(second.toString(), reinspection.toString(),
                Fixtures.headers(eventId, EventTypes.INSPECTION_FINALIZED), 0);
        UUID republished = UUID.randomUUID();
        Fixtures.publish(second.toString(), reinspection.toString(),
                Fixtures.headers(republished, EventTypes.INSPECTION_FINALIZED), 0);
        UUID sentinel = UUID.randomUUID();
        Fixtures.publish(sentinel.toString(), reinspection(sentinel, "2022-07-20", Map.of(), null).toString(),
                Fixtures.headers(UUID.randomUUID(), EventTypes.INSPECTION_FINALIZED), 0);
        Fixtures.awaitTasks(sentinel, 1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> processed(republished));
        assertThat(Fixtures.tasksOf(second).getInt("total")).isEqualTo(created);
        assertThat(tasks(second, "06490", 2).getInt("total")).isZero();
        assertThat(history((String) c2.get(0).get("id")).getList("action")).containsOnlyOnce("INSPECTION_LINKED");
        assertThat(history(settledId).getList("action").stream().filter("STATUS_CHANGED"::equals)).hasSize(1);
    }

    @Test
    void theSuccessorCommuneSettlesTheWorkOfThuongCuong() {
        // the register copy: 06490 Xã Thượng Cường merged into 06475 Xã Bằng Mạc on 2025-07-01
        RegisterFixture.publish(RegisterFixture.langSon(), UUID.randomUUID());
        RegisterFixture.awaitConsumerCaughtUp();
        UUID first = UUID.randomUUID();
        Fixtures.publishSeed(first);
        Fixtures.awaitTasks(first, Fixtures.SEED_TASK_COUNT);
        assertThat(tasks(first, "06490", 17).getInt("total")).isEqualTo(3);

        UUID later = UUID.randomUUID();
        ObjectNode event = reinspection(later, "2025-09-01", Map.of(17, "MET"), null);
        ((ObjectNode) event.get("communes").get(0)).put("code", "06475").put("name", "Xã Bằng Mạc");
        publish(later, event);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                tasks(first, "06490", 17).getList("items.status").stream().allMatch("DONE"::equals));
        assertThat(tasks(later, "06475", 17).getInt("total")).isZero();
    }

    @Test
    void criterionNotAssessedLeavesTheEarlierWorkAsItIs() {
        String commune = freshCommune();
        UUID first = UUID.randomUUID();
        publish(first, inspection(first, "2022-07-20", commune, "XA_NTM_2021_2025", Map.of(5, "NOT_MET")));
        Fixtures.awaitTasks(first, 3);
        UUID second = UUID.randomUUID();
        publish(second, inspection(second, "2023-03-01", commune, "XA_NTM_2021_2025",
                Map.of(5, "NOT_ASSESSED", 1, "MET")));
        Fixtures.awaitTasks(second, 1);
        JsonPath open = tasks(first, commune, 5);
        assertThat(open.getList("items.status")).containsOnly("OPEN");
        assertThat(open.getList("items.latestInspectionId")).containsOnlyNulls();
    }

    @Test
    void aCrossSetCriterionIsSettledOnlyThroughTheCatalogMapping() throws Exception {
        // the catalog's 2021-2025 set: #2 Giao thông continues 2016-2020 #2; #11 Nghèo đa chiều continues nothing
        String set = Fixtures.resource("/contracts/golden/criteria-set-published.json");
        RegisterFixture.publish(set, UUID.randomUUID(), EventTypes.CRITERIA_SET_PUBLISHED);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> mapping("XA_NTM_2021_2025", 2).contains("XA_NTM_2016_2020#2"));
        assertThat(mapping("XA_NTM_2021_2025", 11)).isEmpty();

        String commune = freshCommune();
        UUID old = UUID.randomUUID();
        publish(old, inspection(old, "2020-06-01", commune, "XA_NTM_2016_2020", Map.of(2, "NOT_MET", 11, "NOT_MET")));
        Fixtures.awaitTasks(old, 6);
        UUID later = UUID.randomUUID();
        publish(later, inspection(later, "2022-07-20", commune, "XA_NTM_2021_2025", Map.of(2, "MET", 11, "MET")));
        Fixtures.awaitTasks(later, 1);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                tasks(old, commune, 2).getList("items.status").stream().allMatch("DONE"::equals));
        // 2016-2020 #11 "Hộ nghèo" is not 2021-2025 #11 "Nghèo đa chiều": without a mapping nothing is settled
        assertThat(tasks(old, commune, 11).getList("items.status")).hasSize(3).containsOnly("OPEN");
    }

    private boolean processed(UUID eventId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select 1 from processed_event where event_id = ?")) {
            st.setObject(1, eventId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private List<String> mapping(String set, int criterion) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select continues from catalog_criterion where set_code = ? and number = ?")) {
            st.setString(1, set);
            st.setInt(2, criterion);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? List.of((String[]) rs.getArray(1).getArray()) : List.of("<missing>");
            }
        }
    }

    /** The seed event re-dated, Thượng Cường only, with these results (others as in the seed). */
    private static ObjectNode reinspection(UUID id, String date, Map<Integer, String> results, String deadline) {
        ObjectNode event = Fixtures.seedEventOfTheSameHistory(id);
        event.put("inspectedOn", date);
        ArrayNode communes = (ArrayNode) event.get("communes");
        communes.remove(1);
        for (JsonNode f : communes.get(0).get("findings")) {
            String result = results.get(f.get("criterion").asInt());
            if (result != null) {
                ((ObjectNode) f).put("result", result);
                if (deadline != null && result.equals("NOT_MET")) {
                    ((ObjectNode) f).put("deadline", deadline);
                }
            }
        }
        ((ArrayNode) event.get("recommendations")).removeAll();
        return event;
    }

    private static ObjectNode inspection(UUID id, String date, String commune, String set,
                                         Map<Integer, String> results) {
        return Fixtures.oneCommuneInspection(id, date, commune, set, results);
    }

    private static String freshCommune() {
        return Fixtures.madeUpCommune();
    }

    private static UUID publish(UUID inspectionId, ObjectNode event) {
        UUID eventId = UUID.randomUUID();
        publishAgain(inspectionId, event, eventId);
        return eventId;
    }

    private static void publishAgain(UUID inspectionId, ObjectNode event, UUID eventId) {
        Fixtures.publish(inspectionId.toString(), event.toString(),
                Fixtures.headers(eventId, EventTypes.INSPECTION_FINALIZED), null);
    }

    static JsonPath tasks(UUID inspectionId, String commune, int criterion) {
        return Auth.asAdmin().queryParam("inspectionId", inspectionId).queryParam("communeCode", commune)
                .queryParam("criterion", criterion).queryParam("size", 50).when().get("/tasks").then()
                .statusCode(200).extract().jsonPath();
    }

    private static JsonPath history(String taskId) {
        return Auth.asAdmin().when().get("/tasks/" + taskId + "/history").then().statusCode(200).extract()
                .jsonPath();
    }

    private static String type(ConsumerRecord<String, String> r) {
        var header = r.headers().lastHeader("ce_type");
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
