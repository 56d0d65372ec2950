package vn.ntm.task.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.contracts.TaskExtensionEvent;
import vn.ntm.task.Fixtures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the wire format of {@code ntm.task.extension-requested/-decided} with its golden file and JSON Schema. */
@QuarkusTest
class TaskExtensionContractTest {
    @Inject
    ObjectMapper json;

    @Test
    void serializesTheDecidedEventExactlyAsTheGoldenFile() throws Exception {
        TaskExtensionEvent event = new TaskExtensionEvent(TaskExtensionEvent.SCHEMA_VERSION,
                "7d1c2b3a-0000-4000-8000-000000000017", "0f0e3a52-7c1d-4c55-9d7e-2a6b1c9e4f10", "20", "06490", 17,
                new OrganisationRef("UBND_XA", "06490", "UBND xã Thượng Cường"),
                "Hoàn thành tiêu chí số 17 (Môi trường và an toàn thực phẩm) tại xã Thượng Cường",
                LocalDate.of(2022, 12, 31), "IN_PROGRESS", 2, new TaskExtensionEvent.Extension(
                "9a8b7c6d-0000-4000-8000-000000000001", LocalDate.of(2022, 12, 31), LocalDate.of(2022, 10, 30),
                "Chờ kinh phí xây lò đốt rác thôn Bản Chắt", "APPROVED", "user-UBND_XA:06490",
                Instant.parse("2022-10-10T02:00:00Z"), "user-SO_NGANH:20:LDTBXH",
                Instant.parse("2022-10-12T03:30:00Z"), "Đồng ý gia hạn"));
        String written = json.writeValueAsString(event);
        assertThat(written).contains("Bản Chắt");
        JsonNode expected = json.readTree(Fixtures.resource("/contracts/golden/task-extension-decided.v2.json"));
        JsonNode actual = json.readTree(written);
        assertThat(actual).isEqualTo(expected);
        assertThat(names(actual)).containsExactlyElementsOf(names(expected));
        assertThat(names(actual.get("extension"))).containsExactlyElementsOf(names(expected.get("extension")));
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
