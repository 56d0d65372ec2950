package vn.ntm.task.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.contracts.Topics;
import vn.ntm.task.Auth;
import vn.ntm.task.Fixtures;
import vn.ntm.task.InspectionEvents;
import vn.ntm.task.intake.InspectionEventBatch;
import vn.ntm.task.shared.TaskClock;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Overdue and due-soon events go out exactly once per task, whoever runs the check and however often. */
@QuarkusTest
class DeadlineTest {
    @Inject
    InspectionEventBatch inspections;
    @Inject
    DeadlineService deadlines;
    @Inject
    TaskClock clock;
    @Inject
    ObjectMapper json;
    @Inject
    AgroalDataSource db;

    @Test
    void emitsOverdueExactlyOncePerTaskEvenFromTwoInstancesAtOnce() throws Exception {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        Set<String> taskIds = new HashSet<>(Fixtures.tasksOf(inspectionId).getList("items.id"));
        assertThat(taskIds).hasSize(Fixtures.SEED_TASK_COUNT);

        LocalDate today = clock.today();
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> drain(today));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> drain(today));
        CompletableFuture.allOf(a, b).get();
        drain(today); // a later run, as after a restart, finds nothing left to mark

        List<ConsumerRecord<String, String>> overdue = Fixtures.read(Topics.TASK_EVENTS,
                r -> taskIds.contains(r.key())
                        && EventTypes.TASK_OVERDUE.equals(Fixtures.header(r, CloudEventHeaders.TYPE)),
                found -> found.size() >= taskIds.size(), Duration.ofSeconds(30));
        // once the outbox has sent everything, a duplicate would be on the topic too
        overdue = Fixtures.readAllSent(db, Topics.TASK_EVENTS, r -> taskIds.contains(r.key())
                && EventTypes.TASK_OVERDUE.equals(Fixtures.header(r, CloudEventHeaders.TYPE)));
        Map<String, Long> perTask = overdue.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(perTask).hasSize(taskIds.size()).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));

        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Fixtures.resource("/contracts/schemas/task-event.v3.schema.json"), InputFormat.JSON);
        for (ConsumerRecord<String, String> r : overdue) {
            assertThat(schema.validate(r.value(), InputFormat.JSON)).as(r.value()).isEmpty();
            assertThat(Fixtures.header(r, CloudEventHeaders.DATA_SCHEMA))
                    .isEqualTo(CloudEventHeaders.TASK_EVENT_V3_SCHEMA);
            assertThat(json.readTree(r.value()).get("provinceCode").asText()).isNotBlank();
            assertThat(json.readTree(r.value()).get("overdue").asBoolean()).isTrue();
        }
        String one = taskIds.iterator().next();
        Auth.asAdmin().when().get("/tasks/" + one + "/history").then().statusCode(200)
                .body("action.findAll { it == 'OVERDUE' }.size()", equalTo(1));
        // the note is for people: the date as they write it, while the JSON keeps ISO-8601
        String due = Auth.asAdmin().when().get("/tasks/" + one).then().extract().path("dueDate");
        LocalDate dueDate = LocalDate.parse(due);
        Auth.asAdmin().when().get("/tasks/" + one + "/history").then()
                .body("find { it.action == 'OVERDUE' }.note", equalTo("Quá hạn "
                        + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(dueDate)));
    }

    @Test
    void remindsOnceAConfiguredNumberOfDaysBeforeTheDeadline() {
        UUID inspectionId = UUID.randomUUID();
        LocalDate today = clock.today();
        InspectionFinalized seed = Fixtures.seedRecord(inspectionId);
        // criterion 17 of Thượng Cường due in 3 days; everything else at the end of a target year far away
        var commune = seed.communes().get(0);
        var findings = commune.findings().stream().map(f -> f.criterion() == 17
                ? new InspectionFinalized.Finding(f.criterion(), f.criterionName(), f.result(), f.note(), f.remedy(),
                today.plusDays(Math.min(3, deadlines.reminderDays())), f.sectors(), f.responsible()) : f).toList();
        // a commune no other test inspects: an earlier inspection's open criterion-17 tasks would otherwise be linked
        // to this one instead of new tasks being created (re-inspection settlement)
        String code = Fixtures.madeUpCommune();
        var soon = new InspectionFinalized.Commune(code, commune.name(), commune.criteriaSet(),
                commune.targetTier(), today.getYear() + 5, commune.summary(), findings);
        InspectionFinalized event = new InspectionFinalized(1, inspectionId.toString(), seed.title(),
                today, seed.finalizedAt(), seed.leadAgency(), seed.legalBasis(), seed.participants(),
                seed.province(), seed.district(), List.of(soon), List.of());
        InspectionEvents.handle(inspections, UUID.randomUUID(), event);
        Set<String> dueSoon = new HashSet<>(Auth.asAdmin().queryParam("inspectionId", inspectionId)
                .queryParam("criterion", 17).queryParam("size", 50)
                .when().get("/tasks").then().statusCode(200)
                // the commune, its district and the lead department (the cooperating ones are attached, not copied)
                .body("total", equalTo(3))
                .extract().jsonPath().getList("items.id"));

        drain(today);
        drain(today);

        List<ConsumerRecord<String, String>> reminders = Fixtures.readAllSent(db, Topics.TASK_EVENTS,
                r -> r.value().contains(inspectionId.toString())
                        && EventTypes.TASK_DUE_SOON.equals(Fixtures.header(r, CloudEventHeaders.TYPE)));
        assertThat(reminders).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(dueSoon);
    }

    private void drain(LocalDate today) {
        while (deadlines.markOverdue(today) > 0) {
            // next batch
        }
        while (deadlines.remindDueSoon(today) > 0) {
            // next batch
        }
    }
}
