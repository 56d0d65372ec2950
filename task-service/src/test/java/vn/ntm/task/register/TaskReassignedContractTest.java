package vn.ntm.task.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.contracts.TaskReassigned;
import vn.ntm.task.Fixtures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the wire format of {@code ntm.task.reassigned} with its golden file and JSON Schema. */
@QuarkusTest
class TaskReassignedContractTest {
    private static final OrganisationRef THUONG_CUONG = new OrganisationRef("UBND_XA", "06490",
            "UBND xã Thượng Cường");

    @Inject
    ObjectMapper json;

    @Test
    void serializesTheReassignedEventExactlyAsTheGoldenFile() throws Exception {
        TaskReassigned event = new TaskReassigned(TaskReassigned.SCHEMA_VERSION,
                "7d1c2b3a-0000-4000-8000-000000000017", "0f0e3a52-7c1d-4c55-9d7e-2a6b1c9e4f10", "20", "06490",
                LocalDate.of(2022, 7, 20), 17,
                "Hoàn thành tiêu chí số 17 (Môi trường và an toàn thực phẩm) tại xã Thượng Cường",
                LocalDate.of(2022, 10, 30), "IN_PROGRESS", 2,
                new OrganisationRef("UBND_XA", "06475", "UBND xã Bằng Mạc"), LocalDate.of(2025, 7, 1),
                THUONG_CUONG, LocalDate.of(2022, 7, 20), THUONG_CUONG, LocalDate.of(2022, 7, 20), false,
                "SUCCESSOR", LocalDate.of(2025, 7, 1), "Nghị quyết 1672/NQ-UBTVQH15", "system:register",
                Instant.parse("2025-07-01T00:05:00Z"));
        String written = json.writeValueAsString(event);
        assertThat(written).contains("Bằng Mạc");
        JsonNode expected = json.readTree(Fixtures.resource("/contracts/golden/task-reassigned.v3.json"));
        JsonNode actual = json.readTree(written);
        assertThat(actual).isEqualTo(expected);
        assertThat(names(actual)).containsExactlyElementsOf(names(expected));
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
