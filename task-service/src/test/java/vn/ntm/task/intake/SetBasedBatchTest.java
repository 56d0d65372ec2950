package vn.ntm.task.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.contracts.Topics;
import vn.ntm.platform.tracing.KafkaTracing;
import vn.ntm.platform.tracing.TraceContext;
import vn.ntm.task.Auth;
import vn.ntm.task.BulkTasks;
import vn.ntm.task.Fixtures;
import vn.ntm.task.InspectionEvents;
import vn.ntm.testinfra.RefusingTable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A batch of inspection events written set-based (one statement per kind of row for the whole batch): each event's
 * effect is the one it has alone, exactly once, with its own trace; events about the same commune settle in order.
 */
@QuarkusTest
class SetBasedBatchTest {
    private static final Map<Integer, String> RESULTS = Map.of(1, "MET", 2, "NOT_MET", 5, "NOT_MET", 17, "NOT_MET");

    @Inject
    InspectionEventBatch batch;
    @Inject
    KafkaTracing tracing;
    @Inject
    AgroalDataSource db;

    @Test
    void aBatchOfInspectionsOfDifferentCommunesCreatesWhatEachCreatesAloneOnceWithItsOwnTrace() {
        UUID reference = UUID.randomUUID();
        int alone = InspectionEvents.handle(batch, UUID.randomUUID(), record(inspection(reference, "2024-03-01", freshCommune())))
                .created();
        assertThat(alone).isPositive();

        List<UUID> inspections = new ArrayList<>();
        List<InspectionEventBatch.Item> items = new ArrayList<>();
        List<String> traceIds = new ArrayList<>();
        Set<String> communes = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            UUID id = UUID.randomUUID();
            String commune = freshCommune();
            while (!communes.add(commune)) {
                commune = freshCommune();
            }
            String traceId = hex(32);
            inspections.add(id);
            traceIds.add(traceId);
            items.add(item(UUID.randomUUID(), inspection(id, "2024-03-01", commune), traceId));
        }
        List<InspectionEventBatch.Outcome> outcomes = batch.handleAll(items);

        assertThat(outcomes).extracting(InspectionEventBatch.Outcome::duplicate).containsOnly(false);
        assertThat(outcomes).extracting(InspectionEventBatch.Outcome::created).containsOnly(alone);
        for (int i = 0; i < inspections.size(); i++) {
            UUID id = inspections.get(i);
            JsonPath tasks = Fixtures.tasksOf(id);
            assertThat(tasks.getInt("total")).isEqualTo(alone);
            assertThat(tasks.getList("items.traceId")).as("trace of %s", id).containsOnly(traceIds.get(i));
            assertThat(count("select count(*) from task_history h join task t on t.id = h.task_id"
                    + " where t.inspection_id = ? and h.action = 'CREATED'", id)).isEqualTo(alone);
            assertThat(count("select count(*) from outbox_event where event_type = 'ntm.task.created'"
                    + " and payload::jsonb ->> 'inspectionId' = ? and headers ->> 'traceparent' like ?",
                    id.toString(), "00-" + traceIds.get(i) + "-%")).isEqualTo(alone);
        }

        // the same batch again (a redelivery): every event is a duplicate; re-published with new ids: nothing new
        assertThat(batch.handleAll(items)).extracting(InspectionEventBatch.Outcome::duplicate).containsOnly(true);
        List<InspectionEventBatch.Item> republished = items.stream()
                .map(i -> new InspectionEventBatch.Item(UUID.randomUUID(), i.event(), null)).toList();
        assertThat(batch.handleAll(republished)).extracting(InspectionEventBatch.Outcome::created).containsOnly(0);
        for (UUID id : inspections) {
            assertThat(Fixtures.tasksOf(id).getInt("total")).isEqualTo(alone);
            assertThat(count("select count(*) from outbox_event where event_type = 'ntm.task.created'"
                    + " and payload::jsonb ->> 'inspectionId' = ?", id.toString())).isEqualTo(alone);
        }
    }

    @Test
    void aPoisonEventInTheMiddleRollsTheWholeBatchBackSoThatNothingOfItStays() throws Exception {
        List<InspectionEventBatch.Item> items = new ArrayList<>();
        List<UUID> inspections = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            inspections.add(id);
            items.add(item(UUID.randomUUID(), inspection(id, "2024-03-01", freshCommune()), null));
        }
        UUID poison = inspections.get(2);
        try (RefusingTable refusing = new RefusingTable(db, "processed_event", "subject", poison.toString(),
                "23514")) {
            assertThatThrownBy(() -> batch.handleAll(items)).hasStackTraceContaining("refused by the test");
            for (UUID id : inspections) {
                assertThat(Fixtures.tasksOf(id).getInt("total")).isZero();
            }
            // what the consumer's split does next: the halves without the poison commit, each event once
            batch.handleAll(items.subList(0, 2));
            batch.handleAll(items.subList(3, 5));
            assertThatThrownBy(() -> batch.handleAll(items.subList(2, 3)))
                    .hasStackTraceContaining("refused by the test");
        }
        assertThat(batch.handleAll(items.subList(0, 2))).extracting(InspectionEventBatch.Outcome::duplicate)
                .containsOnly(true);
        int perEvent = Fixtures.tasksOf(inspections.get(0)).getInt("total");
        assertThat(perEvent).isPositive();
        for (UUID id : inspections) {
            assertThat(Fixtures.tasksOf(id).getInt("total")).isEqualTo(id.equals(poison) ? 0 : perEvent);
        }
    }

    @Test
    void aReinspectionInTheSameBatchAsTheFirstInspectionSettlesTheFirstOnesNewTasks() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String commune = freshCommune();
        ObjectNode firstEvent = inspection(first, "2024-03-01", commune);
        ObjectNode secondEvent = inspection(second, "2024-09-01", commune, Map.of(17, "MET", 2, "NOT_MET"));
        List<InspectionEventBatch.Outcome> outcomes = batch.handleAll(List.of(
                item(UUID.randomUUID(), firstEvent, null), item(UUID.randomUUID(), secondEvent, null)));

        assertThat(outcomes.get(0).created()).isPositive();
        JsonPath c17 = ReinspectionSettlementTest.tasks(first, commune, 17);
        assertThat(c17.getInt("total")).isPositive();
        assertThat(c17.getList("items.status")).containsOnly("DONE");
        for (String id : c17.<String>getList("items.id")) {
            List<String> actions = history(id).getList("action");
            assertThat(actions).containsExactly("CREATED", "STATUS_CHANGED");
        }
        JsonPath c2 = ReinspectionSettlementTest.tasks(first, commune, 2);
        assertThat(c2.getInt("total")).isPositive();
        assertThat(c2.getList("items.status")).containsOnly("OPEN");
        assertThat(c2.getList("items.latestInspectionId")).containsOnly(second.toString());
        assertThat(ReinspectionSettlementTest.tasks(second, commune, 2).getInt("total")).isZero();
        assertThat(count("select count(*) from outbox_event where event_type = 'ntm.task.status-changed'"
                + " and payload::jsonb ->> 'inspectionId' = ?", first.toString())).isEqualTo(c17.getInt("total"));

        // the whole batch again: nothing twice
        batch.handleAll(List.of(item(UUID.randomUUID(), firstEvent, null), item(UUID.randomUUID(), secondEvent,
                null)));
        assertThat(ReinspectionSettlementTest.tasks(second, commune, 2).getInt("total")).isZero();
        for (String id : c2.<String>getList("items.id")) {
            assertThat(history(id).getList("action")).containsOnlyOnce("INSPECTION_LINKED");
        }
        assertThat(count("select count(*) from outbox_event where event_type = 'ntm.task.status-changed'"
                + " and payload::jsonb ->> 'inspectionId' = ?", first.toString())).isEqualTo(c17.getInt("total"));
    }

    @Test
    void inspectionsOfTheSameCommuneOnTheSameDayInOneBatchShareOnePieceOfWorkPerGapAndSettleEarlierWorkOnce() {
        // no earlier work on the commune: the pair asks for what one asks alone, once, citing both (DOMAIN.md §8);
        // each has its own coordination task (work of one inspection)
        String fresh = freshCommune();
        UUID reference = UUID.randomUUID();
        int alone = InspectionEvents.handle(batch, UUID.randomUUID(), record(inspection(reference, "2024-09-01", freshCommune())))
                .created();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<InspectionEventBatch.Outcome> outcomes = batch.handleAll(List.of(
                item(UUID.randomUUID(), inspection(a, "2024-09-01", fresh), null),
                item(UUID.randomUUID(), inspection(b, "2024-09-01", fresh), null)));
        assertThat(outcomes.get(0).created() + outcomes.get(1).created()).isEqualTo(alone + 1);
        assertThat(Fixtures.tasksOf(a).getInt("total") + Fixtures.tasksOf(b).getInt("total")).isEqualTo(alone + 1);
        assertThat(count("select count(*) from task where commune_code = ? and criterion is not null", fresh))
                .isEqualTo(9); // criteria 2, 5 and 17, three rules each
        assertThat(count("select count(*) from task t where t.commune_code = ? and t.criterion is not null"
                + " and (select count(*) from task_inspection ti where ti.task_id = t.id and ti.inspection_id"
                + " in (?, ?)) + case when t.inspection_id in (?, ?) then 1 else 0 end = 2", fresh, a, b, a, b))
                .isEqualTo(9);

        // open work of an earlier day: the first of the pair settles or continues it, the second sees that
        String commune = freshCommune();
        UUID earlier = UUID.randomUUID();
        InspectionEvents.handle(batch, UUID.randomUUID(), record(inspection(earlier, "2024-03-01", commune)));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        batch.handleAll(List.of(
                item(UUID.randomUUID(), inspection(first, "2024-09-01", commune, Map.of(17, "MET", 2, "NOT_MET")), null),
                item(UUID.randomUUID(), inspection(second, "2024-09-01", commune, Map.of(17, "MET", 2, "NOT_MET")),
                        null)));
        JsonPath c17 = ReinspectionSettlementTest.tasks(earlier, commune, 17);
        assertThat(c17.getInt("total")).isPositive();
        assertThat(c17.getList("items.status")).containsOnly("DONE");
        for (String id : c17.<String>getList("items.id")) {
            assertThat(history(id).getList("action")).containsExactly("CREATED", "STATUS_CHANGED");
        }
        assertThat(count("select count(*) from outbox_event where event_type = 'ntm.task.status-changed'"
                + " and payload::jsonb ->> 'inspectionId' = ?", earlier.toString())).isEqualTo(c17.getInt("total"));
        JsonPath c2 = ReinspectionSettlementTest.tasks(earlier, commune, 2);
        assertThat(c2.getInt("total")).isPositive();
        assertThat(c2.getList("items.status")).containsOnly("OPEN");
        assertThat(c2.getList("items.latestInspectionId")).hasSize(c2.getInt("total"))
                .allMatch(i -> i.equals(first.toString()) || i.equals(second.toString()));
        for (String id : c2.<String>getList("items.id")) {
            assertThat(history(id).getList("action")).containsExactly("CREATED", "INSPECTION_LINKED",
                    "INSPECTION_LINKED");
        }
        assertThat(ReinspectionSettlementTest.tasks(first, commune, 2).getInt("total")).isZero();
        assertThat(ReinspectionSettlementTest.tasks(second, commune, 2).getInt("total")).isZero();
    }

    @Test
    void twoBatchesOfOneCommuneCommittingAtOnceLeaveOnePieceOfWorkPerGapAndRole() throws Exception {
        // the per-lineage lock (README "No races"): without it, each transaction sees no open work and creates its own
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String commune = freshCommune();
                while (count("select count(*) from inspection_visit where commune_code = ?", commune) > 0) {
                    commune = freshCommune();
                }
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<List<InspectionEventBatch.Outcome>>> done = new ArrayList<>();
                for (String day : List.of("2024-03-01", "2024-09-01")) {
                    InspectionEventBatch.Item it = item(UUID.randomUUID(), inspection(UUID.randomUUID(), day, commune),
                            null);
                    done.add(pool.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return batch.handleAll(List.of(it));
                    }));
                }
                for (Future<List<InspectionEventBatch.Outcome>> f : done) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).extracting(InspectionEventBatch.Outcome::duplicate)
                            .containsOnly(false);
                }
                String active = " and status in ('OPEN', 'IN_PROGRESS', 'REPORTED', 'RETURNED')";
                assertThat(count("select count(*) from task where commune_code = ? and criterion is not null" + active,
                        commune)).as("round %d: open work on criteria 2, 5 and 17, three rules each", round)
                        .isEqualTo(9);
                assertThat(count("select count(*) from (select 1 from task where commune_code = ?" + active
                        + " group by criterion, rule_code, assignee_type, assignee_code having count(*) > 1) twice",
                        commune)).as("round %d: pieces of work held twice", round).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private InspectionEventBatch.Item item(UUID eventId, ObjectNode event, String traceId) {
        if (traceId == null) {
            return new InspectionEventBatch.Item(eventId, record(event), null);
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(TraceContext.TRACEPARENT, ("00-" + traceId + "-" + hex(16) + "-01")
                .getBytes(StandardCharsets.UTF_8));
        return new InspectionEventBatch.Item(eventId, record(event),
                () -> tracing.process(Topics.INSPECTION_EVENTS, headers));
    }

    private static InspectionFinalized record(ObjectNode event) {
        return Fixtures.JSON.convertValue(event, InspectionFinalized.class);
    }

    private static ObjectNode inspection(UUID id, String date, String commune) {
        return inspection(id, date, commune, RESULTS);
    }

    /** An inspection of one made-up commune of the seed's district, with only these findings. */
    private static ObjectNode inspection(UUID id, String date, String commune, Map<Integer, String> results) {
        return Fixtures.oneCommuneInspection(id, date, commune, null, results);
    }

    private static String freshCommune() {
        return Fixtures.madeUpCommune();
    }

    private static JsonPath history(String taskId) {
        return Auth.asAdmin().when().get("/tasks/" + taskId + "/history").then().statusCode(200).extract()
                .jsonPath();
    }

    private static String hex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
        }
        return hex.substring(0, digits);
    }

    private long count(String sql, Object... params) {
        return BulkTasks.count(db, sql, params);
    }
}
