package vn.ntm.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three examples of issue 22 on the shared stack, as a new user tries them through the APIs (DOMAIN.md §8:
 * one open piece of work per gap, whatever the order). Each example uses a commune of Chi Lăng whose 2025 successor
 * no other test touches: Vân An (06469 → Chiến Thắng 06481), Bắc Thủy (06478 → Nhân Lý 06496), Hữu Kiên
 * (06514 → Quan Sơn 06517). The inspections are dated 2023, so their work follows the communes into 2025.
 */
@org.junit.jupiter.api.Order(3) // after the hostile inputs (which compare tables), before StackIT restarts the stack
class LoopInvariantIT {
    private static final Set<String> ACTIVE = Set.of("OPEN", "IN_PROGRESS", "REPORTED", "RETURNED");
    private static SystemStack stack;
    private static Api api;

    @BeforeAll
    static void sharedStack() {
        stack = SystemStack.shared();
        api = stack.admin("loop-invariant-it");
    }

    @Test
    void aLaterInspectionThatFoundCriterion17MetFinalizedFirstLeavesNoOpenCriterion17Work() {
        String later = enter("06469", "Xã Vân An", "2023-09-15", Map.of());
        String earlier = enter("06469", "Xã Vân An", "2023-03-10", Map.of(17, "NOT_MET"));
        finalizeAndAwaitConsumed(later, earlier);

        assertThat(active("06469", 17)).as("open criterion-17 work of Vân An and Chiến Thắng").isEmpty();
        assertThat(active("06481", 17)).isEmpty();
    }

    @Test
    void twoInspectionsOfOneCommuneOnTheSameDayShareOneCommuneTaskPerGap() {
        String first = enter("06478", "Xã Bắc Thủy", "2023-05-04", Map.of(2, "NOT_MET"));
        String second = enter("06478", "Xã Bắc Thủy", "2023-05-04", Map.of(2, "NOT_MET"));
        finalizeAndAwaitConsumed(first, second);

        List<JsonNode> commune2 = new ArrayList<>(active("06478", 2));
        commune2.addAll(active("06496", 2));
        assertThat(commune2.stream().filter(t -> t.get("assignee").get("type").asText().equals("UBND_XA")))
                .as("open UBND xã work for criterion 2").hasSize(1);
        // one piece of work per role: no role holds two
        assertThat(commune2.stream().map(t -> t.get("assignee").get("type").asText() + " "
                + t.get("assignee").get("code").asText()).toList()).doesNotHaveDuplicates();
    }

    @Test
    void aCommuneFoundFullyMetTwiceKeepsOneOpenKeepMetTask() {
        String first = enter("06514", "Xã Hữu Kiên", "2023-04-12", Map.of());
        finalizeAndAwaitConsumed(first);
        int afterFirst = active("06514", null).size() + active("06517", null).size();
        assertThat(afterFirst).as("the first full-met inspection gives work to keep the criteria met").isPositive();

        String second = enter("06514", "Xã Hữu Kiên", "2023-10-20", Map.of());
        finalizeAndAwaitConsumed(second);
        assertThat(active("06514", null).size() + active("06517", null).size())
                .as("open work of Hữu Kiên and Quan Sơn after the second full-met inspection").isEqualTo(afterFirst);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String enter(String communeCode, String communeName, String day, Map<Integer, String> results) {
        return SeedInspection.enterOneCommune(api, stack.url("inspection-service"), communeCode, communeName, day,
                results);
    }

    /**
     * Finalizes the inspections in the order given, then waits until inspection-service's outbox has published
     * their events and every consumer group has read to the end of its topics: after that, nothing more is coming.
     */
    private static void finalizeAndAwaitConsumed(String... ids) {
        for (String id : ids) {
            HttpResponse<String> finalized = SeedInspection.finalize(api, stack.url("inspection-service"), id);
            assertThat(finalized.statusCode()).as(finalized.body()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> unpublished(ids) == 0 && stack.consumersCaughtUp());
    }

    private static int unpublished(String... ids) throws SQLException {
        try (Connection c = stack.database("inspection"); PreparedStatement q = c.prepareStatement(
                "select count(*) from outbox_event where published_at is null and event_key = any (?)")) {
            q.setArray(1, c.createArrayOf("text", ids));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The active tasks of a commune code (for a criterion, or all), as the coordination office lists them. */
    private static List<JsonNode> active(String communeCode, Integer criterion) {
        String url = stack.url("task-service") + "/tasks?size=200&communeCode=" + communeCode
                + (criterion == null ? "" : "&criterion=" + criterion);
        HttpResponse<String> list = api.get(url);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        api.json(list).get("items").forEach(t -> {
            if (ACTIVE.contains(t.get("status").asText())) {
                items.add(t);
            }
        });
        return items;
    }
}
