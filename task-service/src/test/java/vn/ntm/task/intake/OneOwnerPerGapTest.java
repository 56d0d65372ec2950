package vn.ntm.task.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.EventTypes;
import vn.ntm.task.Auth;
import vn.ntm.task.BulkTasks;
import vn.ntm.task.Fixtures;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 22 end to end, through the real broker: for each commune, criterion and role at most one open piece of work,
 * existing exactly while the latest finding (by inspection date) says the criterion is not met (DOMAIN.md §8),
 * whatever the order, repetition or correction of the events. Each test has its own made-up commune.
 */
@QuarkusTest
class OneOwnerPerGapTest {
    private static final String ACTIVE = "OPEN,IN_PROGRESS,REPORTED,RETURNED";

    @Inject
    AgroalDataSource db;

    @Test
    void aLaterInspectionFindingCriterion17MetFinalizedBeforeTheEarlierOneLeavesNoCriterion17Work() {
        String commune = freshCommune();
        UUID later = UUID.randomUUID();
        UUID earlier = UUID.randomUUID();
        processed(publish(later, inspection(later, "2024-09-01", commune, Map.of(17, "MET", 2, "NOT_MET"))));
        processed(publish(earlier, inspection(earlier, "2024-03-01", commune, Map.of(17, "NOT_MET", 2, "NOT_MET"))));

        Map<String, Integer> open = openWork(commune);
        assertThat(open).doesNotContainKeys("17|NOT_MET_COMMUNE", "17|NOT_MET_SECTOR", "17|NOT_MET_DISTRICT");
        assertThat(open).containsEntry("2|NOT_MET_COMMUNE", 1).containsEntry("2|NOT_MET_SECTOR", 1)
                .containsEntry("2|NOT_MET_DISTRICT", 1).containsEntry("-|MET_MAINTAIN", 1);
        assertThat(open.values()).containsOnly(1);
        // the older inspection is history: it is recorded, and it opened nothing
        assertThat(BulkTasks.count(db, "select count(*) from inspection_visit where inspection_id = ?", earlier))
                .isEqualTo(1);
        assertThat(BulkTasks.count(db, "select count(*) from task where inspection_id = ? and criterion = 17",
                earlier)).isZero();
    }

    @Test
    void twoInspectionsOfOneCommuneOnTheSameDayGiveOneUbndXaTaskForCriterion2CitingBoth() {
        String commune = freshCommune();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        processed(publish(first, inspection(first, "2024-05-10", commune, Map.of(2, "NOT_MET"))));
        processed(publish(second, inspection(second, "2024-05-10", commune, Map.of(2, "NOT_MET", 1, "MET"))));

        List<Map<String, Object>> xa = tasks(commune, ACTIVE).stream()
                .filter(t -> Integer.valueOf(2).equals(t.get("criterion"))
                        && "UBND_XA".equals(((Map<?, ?>) t.get("assignee")).get("type"))).toList();
        assertThat(xa).hasSize(1);
        UUID task = UUID.fromString((String) xa.get(0).get("id"));
        assertThat(BulkTasks.count(db, "select count(*) from task t where t.id = ? and (t.inspection_id in (?, ?))"
                + " and exists (select 1 from task_inspection ti where ti.task_id = t.id and ti.inspection_id in"
                + " (?, ?) and ti.inspection_id <> t.inspection_id)", task, first, second, first, second))
                .as("the task cites both inspections").isEqualTo(1);
        assertThat(openWork(commune).values()).containsOnly(1);
    }

    @Test
    void aCorrectionCancelsWorkNoLongerNeededOpensNewGapsAndLeavesUnchangedWorkAsItIs() {
        String commune = freshCommune();
        UUID id = UUID.randomUUID();
        processed(publish(id, inspection(id, "2024-04-02", commune, Map.of(2, "NOT_MET", 5, "NOT_MET"))));
        Map<String, Object> kept = tasks(commune, ACTIVE).stream()
                .filter(t -> Integer.valueOf(5).equals(t.get("criterion"))
                        && "UBND_XA".equals(((Map<?, ?>) t.get("assignee")).get("type"))).findFirst().orElseThrow();
        String keptId = (String) kept.get("id");
        Auth.as(Auth.org("UBND_XA:" + commune)).header("If-Match", "\"" + kept.get("version") + "\"")
                .contentType("application/json").body("{\"status\":\"IN_PROGRESS\"}")
                .when().patch("/tasks/" + keptId).then().statusCode(200);

        ObjectNode corrected = inspection(id, "2024-04-02", commune, Map.of(2, "MET", 5, "NOT_MET", 17, "NOT_MET"));
        UUID eventId = publishCorrection(id, 2, corrected, "Nhập nhầm kết quả tiêu chí 2");
        processed(eventId);

        Map<String, Integer> open = openWork(commune);
        assertThat(open).doesNotContainKeys("2|NOT_MET_COMMUNE", "2|NOT_MET_SECTOR", "2|NOT_MET_DISTRICT");
        assertThat(open).containsEntry("5|NOT_MET_COMMUNE", 1).containsEntry("17|NOT_MET_COMMUNE", 1)
                .containsEntry("17|NOT_MET_SECTOR", 1).containsEntry("17|NOT_MET_DISTRICT", 1);
        assertThat(open.values()).containsOnly(1);
        List<Map<String, Object>> cancelled = tasks(commune, "CANCELLED");
        assertThat(cancelled).hasSize(3).allSatisfy(t -> assertThat(t.get("criterion")).isEqualTo(2));
        List<Map<String, Object>> history = Auth.asAdmin().when().get("/tasks/" + cancelled.get(0).get("id")
                + "/history").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(history.get(history.size() - 1)).containsEntry("to", "CANCELLED")
                .containsEntry("actor", "inspection:" + id);
        assertThat((String) history.get(history.size() - 1).get("reason")).contains("Nhập nhầm kết quả tiêu chí 2");
        // the unchanged gap keeps its task, its status and its history
        Auth.asAdmin().when().get("/tasks/" + keptId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("IN_PROGRESS"));

        // the correction delivered again, and the first version arriving late: nothing changes
        publishAgain(id, correction(id, 2, corrected, "Nhập nhầm kết quả tiêu chí 2"), eventId,
                EventTypes.INSPECTION_CORRECTED);
        processed(publish(id, inspection(id, "2024-04-02", commune, Map.of(2, "NOT_MET", 5, "NOT_MET"))));
        assertThat(openWork(commune)).isEqualTo(open);
        assertThat(tasks(commune, "CANCELLED")).hasSize(3);
    }

    @Test
    void aCommuneFoundFullyMetTwiceKeepsOneKeepTheCriteriaMetTask() {
        String commune = freshCommune();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        processed(publish(first, inspection(first, "2024-02-01", commune, Map.of(1, "MET", 2, "MET"))));
        assertThat(tasks(commune, ACTIVE)).hasSize(1);
        processed(publish(second, inspection(second, "2024-08-01", commune, Map.of(1, "MET", 2, "MET"))));

        List<Map<String, Object>> open = tasks(commune, ACTIVE);
        assertThat(open).hasSize(1);
        assertThat(open.get(0)).containsEntry("ruleCode", "MET_MAINTAIN")
                .containsEntry("latestInspectionId", second.toString());
    }

    @Test
    void theSameEventDeliveredAgainTakesNoEffectTwice() {
        String commune = freshCommune();
        UUID id = UUID.randomUUID();
        ObjectNode event = inspection(id, "2024-06-01", commune, Map.of(2, "NOT_MET", 1, "MET"));
        UUID eventId = publish(id, event);
        processed(eventId);
        Map<String, Integer> open = openWork(commune);
        long history = BulkTasks.count(db, "select count(*) from task_history h join task t on t.id = h.task_id"
                + " where t.commune_code = ?", commune);

        publishAgain(id, event, eventId, EventTypes.INSPECTION_FINALIZED);
        processed(publish(id, event)); // re-published with a new id: the same inspection, nothing new
        assertThat(openWork(commune)).isEqualTo(open);
        assertThat(BulkTasks.count(db, "select count(*) from task_history h join task t on t.id = h.task_id"
                + " where t.commune_code = ?", commune)).isEqualTo(history);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** Open work of the commune: "criterion|rule" → number of active tasks. */
    private static Map<String, Integer> openWork(String commune) {
        Map<String, Integer> out = new TreeMap<>();
        for (Map<String, Object> t : tasks(commune, ACTIVE)) {
            Object criterion = t.get("criterion");
            out.merge((criterion == null ? "-" : criterion.toString()) + "|" + t.get("ruleCode"), 1, Integer::sum);
        }
        out.remove("-|COORDINATION"); // the work of each inspection itself
        return out;
    }

    private static List<Map<String, Object>> tasks(String commune, String status) {
        return Auth.asAdmin().queryParam("communeCode", commune).queryParam("status", status).queryParam("size", 200)
                .when().get("/tasks").then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static ObjectNode inspection(UUID id, String date, String commune, Map<Integer, String> results) {
        return Fixtures.oneCommuneInspection(id, date, commune, null, results);
    }

    private static ObjectNode correction(UUID id, int version, ObjectNode inspection, String reason) {
        ObjectNode event = Fixtures.JSON.createObjectNode();
        event.put("schemaVersion", 1).put("inspectionId", id.toString()).put("version", version)
                .put("reason", reason).put("correctedBy", "inspector-20").put("correctedAt", "2024-05-01T02:00:00Z");
        event.set("inspection", inspection);
        return event;
    }

    private static UUID publish(UUID inspectionId, ObjectNode event) {
        UUID eventId = UUID.randomUUID();
        publishAgain(inspectionId, event, eventId, EventTypes.INSPECTION_FINALIZED);
        return eventId;
    }

    private static UUID publishCorrection(UUID inspectionId, int version, ObjectNode inspection, String reason) {
        UUID eventId = UUID.randomUUID();
        publishAgain(inspectionId, correction(inspectionId, version, inspection, reason), eventId,
                EventTypes.INSPECTION_CORRECTED);
        return eventId;
    }

    private static void publishAgain(UUID inspectionId, ObjectNode event, UUID eventId, String type) {
        Fixtures.publish(inspectionId.toString(), event.toString(), Fixtures.headers(eventId, type), null);
    }

    /** Until the event is processed (its id recorded in the transaction of its work). */
    private void processed(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                BulkTasks.count(db, "select count(*) from processed_event where event_id = ?", eventId) == 1);
    }

    private static String freshCommune() {
        return Fixtures.madeUpCommune();
    }
}
