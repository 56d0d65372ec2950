package vn.ntm.task.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.contracts.TaskEvent;
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
        assertGolden(created, "/contracts/golden/task-created.v2.json");
        assertGolden(changed, "/contracts/golden/task-status-changed.v2.json");
        assertGolden(overdue, "/contracts/golden/task-overdue.v2.json");
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
                "0f0e3a52-7c1d-4c55-9d7e-2a6b1c9e4f10", "06490", LocalDate.of(2022, 7, 20), 17, XA,
                LocalDate.of(2022, 7, 20), TITLE, LocalDate.of(2022, 10, 30), status, overdue, version, change);
    }
}
