package vn.ntm.task.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.task.Auth;
import vn.ntm.task.Fixtures;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code ntm.inspection.finalized} version 2 carries the register date next to its unit codes; version 1 events
 * (without it) may still be on the topic. Both create the same tasks, whose codes carry the inspection's register
 * date, and the task events they cause are version 2.
 */
@QuarkusTest
class InspectionEventVersionsTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aVersionOneEventStillOnTheTopicCreatesTheTasksWithTheInspectionDateAsRegisterDate() {
        UUID inspectionId = UUID.randomUUID();
        Fixtures.publishSeed(inspectionId); // the version 1 golden file

        assertTasksCarryTheInspectionsRegisterDate(inspectionId);
    }

    @Test
    void aVersionTwoEventCreatesTheSameTasksWithItsRegisterDate() throws Exception {
        UUID inspectionId = UUID.randomUUID();
        ObjectNode event = (ObjectNode) Fixtures.JSON.readTree(
                Fixtures.resource("/contracts/golden/inspection-finalized.v2.json"));
        event.put("inspectionId", inspectionId.toString());
        Fixtures.forgetSeedHistory(); // the seed's communes on the seed's day: this inspection's own work
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>(
                Fixtures.headers(UUID.randomUUID(), EventTypes.INSPECTION_FINALIZED));
        headers.put(CloudEventHeaders.DATA_SCHEMA, CloudEventHeaders.INSPECTION_FINALIZED_V2_SCHEMA);
        Fixtures.publish(inspectionId.toString(), event.toString(), headers, null);

        assertTasksCarryTheInspectionsRegisterDate(inspectionId);
    }

    private void assertTasksCarryTheInspectionsRegisterDate(UUID inspectionId) {
        Fixtures.awaitTasks(inspectionId, Fixtures.SEED_TASK_COUNT);
        assertThat(dates(inspectionId)).containsOnly("2022-07-20|2022-07-20");
        String task = Fixtures.tasksOf(inspectionId).getString("items.find { it.communeCode == '06490' }.id");
        Auth.asAdmin().when().get("/tasks/" + task).then().statusCode(200)
                .body("communeAsOf", equalTo("2022-07-20"))
                .body("assigneeAsOf", equalTo("2022-07-20"));

        List<ConsumerRecord<String, String>> created = Fixtures.read(Topics.TASK_EVENTS,
                r -> task.equals(r.key()) && EventTypes.TASK_CREATED.equals(Fixtures.header(r, CloudEventHeaders.TYPE)),
                found -> !found.isEmpty(), Duration.ofSeconds(60));
        assertThat(created).hasSize(1);
        assertThat(Fixtures.header(created.get(0), CloudEventHeaders.DATA_SCHEMA))
                .isEqualTo(CloudEventHeaders.TASK_EVENT_V3_SCHEMA);
        try {
            var data = Fixtures.JSON.readTree(created.get(0).value());
            assertThat(data.get("schemaVersion").asInt()).isEqualTo(3);
            assertThat(data.get("provinceCode").asText()).isEqualTo("20");
            assertThat(data.get("communeAsOf").asText()).isEqualTo("2022-07-20");
            assertThat(data.get("assigneeAsOf").asText()).isEqualTo("2022-07-20");
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "source_as_of|assignee_as_of" of every task of the inspection. */
    private List<String> dates(UUID inspectionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select source_as_of || '|' || assignee_as_of from task where inspection_id = ?")) {
            q.setObject(1, inspectionId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
