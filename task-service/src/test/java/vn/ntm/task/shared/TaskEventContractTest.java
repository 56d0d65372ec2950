package vn.ntm.task.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.contracts.TaskEvent;
import vn.ntm.contracts.TaskExtensionEvent;
import vn.ntm.contracts.TaskReassigned;
import vn.ntm.task.Fixtures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the wire format of task events (and how the inspection event is read) with the golden files. */
@QuarkusTest
class TaskEventContractTest {
    private static final OrganisationRef XA = new OrganisationRef("UBND_XA", "06490", "UBND xã Thượng Cường");
    private static final String TITLE = "Hoàn thành tiêu chí số 17 (Môi trường và an toàn thực phẩm) tại xã Thượng Cường";

    @Inject
    ObjectMapper json;

    @Test
    void serializesTaskEventsExactlyAsTheGoldenFiles() throws Exception {
        TaskEvent created = event("OPEN", false, 0, null);
        TaskEvent changed = event("RETURNED", false, 3, new TaskEvent.StatusChange("REPORTED", "RETURNED", null,
                "so-ldtbxh-lang-son", Instant.parse("2022-09-12T02:30:00Z"),
                "Thiếu biên bản nghiệm thu hệ thống xử lý nước thải thôn Bản Chắt.", null));
        TaskEvent overdue = event("IN_PROGRESS", true, 1, null);
        assertGolden(created, "/contracts/golden/task-created.v3.json");
        assertGolden(changed, "/contracts/golden/task-status-changed.v3.json");
        assertGolden(overdue, "/contracts/golden/task-overdue.v3.json");
    }

    /**
     * A consumer built on this service's record (its tests, the example consumer) still reads the events of older
     * versions that remain on the topic: the fields a version lacks are null, the others as written.
     */
    @Test
    void readsEveryOlderVersionOfTheTaskEventsIntoTheCurrentRecord() throws Exception {
        TaskEvent v3 = json.readValue(Fixtures.resource("/contracts/golden/task-status-changed.v3.json"),
                TaskEvent.class);
        for (String older : List.of("task-status-changed.v2.json", "task-status-changed.json")) {
            TaskEvent event = json.readValue(Fixtures.resource("/contracts/golden/" + older), TaskEvent.class);
            assertThat(event.schemaVersion()).as(older).isLessThan(TaskEvent.SCHEMA_VERSION);
            assertThat(event.provinceCode()).as(older).isNull();
            assertThat(event.latestInspectionId()).as(older).isNull();
            assertThat(event.taskId()).isEqualTo(v3.taskId());
            assertThat(event.version()).isEqualTo(v3.version());
            assertThat(event.status()).isEqualTo("RETURNED");
            assertThat(event.change()).isEqualTo(v3.change());
            assertThat(event.title()).isEqualTo(TITLE);
        }
        assertThat(v3.provinceCode()).isEqualTo("20");
        TaskReassigned reassigned = json.readValue(Fixtures.resource("/contracts/golden/task-reassigned.v2.json"),
                TaskReassigned.class);
        assertThat(reassigned.provinceCode()).isNull();
        assertThat(reassigned.taskId()).isNotNull();
        TaskExtensionEvent extension = json.readValue(
                Fixtures.resource("/contracts/golden/task-extension-decided.json"), TaskExtensionEvent.class);
        assertThat(extension.provinceCode()).isNull();
        assertThat(extension.extension().status()).isEqualTo("APPROVED");
    }

    private void assertGolden(TaskEvent event, String golden) throws Exception {
        String written = json.writeValueAsString(event);
        assertThat(written).contains("Thượng Cường"); // UTF-8, not \\u-escaped
        JsonNode expected = json.readTree(Fixtures.resource(golden));
        JsonNode actual = json.readTree(written);
        assertThat(actual).isEqualTo(expected);
        assertThat(names(actual)).containsExactlyElementsOf(names(expected)); // record component order
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static TaskEvent event(String status, boolean overdue, long version, TaskEvent.StatusChange change) {
        return new TaskEvent(TaskEvent.SCHEMA_VERSION, "7d1c2b3a-0000-4000-8000-000000000017",
                "0f0e3a52-7c1d-4c55-9d7e-2a6b1c9e4f10", null, "20", "06490", LocalDate.of(2022, 7, 20), 17, XA,
                LocalDate.of(2022, 7, 20), TITLE, LocalDate.of(2022, 10, 30), status, overdue, version, change);
    }
}
