package vn.ntm.criteria.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ntm.criteria.CriteriaEventsConsumer.header;
import static vn.ntm.criteria.CriteriaEventsConsumer.recordsWithKey;

/** The seeded register is announced on the real broker, one event per province code, in the documented shape. */
@QuarkusTest
class AdminUnitsChangedEventTest {
    @Inject
    ObjectMapper json;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void seededLangSonIsAnnouncedWithAllItsVersionsAndSuccessions() throws Exception {
        List<ConsumerRecord<String, String>> records = recordsWithKey("admin-units:20", Duration.ofSeconds(60));

        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.ADMIN_UNITS_CHANGED);
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/ntm/criteria-service");
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.ID)).isNotBlank();
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo("admin-units:20");
        assertThat(schema().validate(record.value(), InputFormat.JSON)).isEmpty();

        JsonNode event = json.readTree(record.value());
        assertThat(event.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(event.get("registerVersion").asText()).isEqualTo("units-2025-07");
        assertThat(event.get("provinceCode").asText()).isEqualTo("20");
        assertThat(unit(event, "06490", "1900-01-01").toString()).isEqualTo("{\"code\":\"06490\","
                + "\"name\":\"Xã Thượng Cường\",\"type\":\"Xã\",\"level\":\"commune\",\"parentCode\":\"187\","
                + "\"provinceCode\":\"20\",\"validFrom\":\"1900-01-01\",\"validTo\":\"2025-06-30\"}");
        assertThat(unit(event, "06475", "1900-01-01").get("name").asText()).isEqualTo("Xã Gia Lộc");
        assertThat(unit(event, "06475", "2025-07-01").get("name").asText()).isEqualTo("Xã Bằng Mạc");
        assertThat(unit(event, "06475", "2025-07-01").get("validTo").isNull()).isTrue();
        assertThat(unit(event, "20", "1900-01-01").get("validTo").isNull()).isTrue();
        assertThat(unit(event, "187", "1900-01-01").get("validTo").asText()).isEqualTo("2025-06-30");
        List<String> levels = new ArrayList<>();
        event.get("units").forEach(u -> levels.add(u.get("level").asText()));
        assertThat(levels).startsWith("province").contains("district").endsWith("commune");
        assertThat(levels.stream().filter("commune"::equals).count()).isEqualTo(countCommunesOf20());
        event.get("units").forEach(u -> assertThat(u.get("provinceCode").asText()).isEqualTo("20"));

        JsonNode succession = null;
        for (JsonNode s : event.get("successions")) {
            if (s.get("fromCode").asText().equals("06490")) {
                succession = s;
            }
        }
        assertThat(succession).isNotNull();
        assertThat(succession.get("toCode").asText()).isEqualTo("06475");
        assertThat(succession.get("effectiveOn").asText()).isEqualTo("2025-07-01");
        assertThat(succession.get("legalBasis").asText()).contains("NQ-UBTVQH15");
        assertThat(record.value()).contains("Xã Thượng Cường"); // UTF-8 on the wire, not \\u-escaped
    }

    @Test
    void everyProvinceCodeOfTheSeedIsAnnouncedOnce() {
        // Bến Tre (83) no longer exists after 2025-07-01; its event carries its history and successions
        List<ConsumerRecord<String, String>> benTre = recordsWithKey("admin-units:83", Duration.ofSeconds(60));
        assertThat(benTre).hasSize(1);
        assertThat(benTre.get(0).value()).contains("\"fromCode\":\"83\",\"toCode\":\"86\"")
                .contains("Xã Phong Nẫm");
    }

    @Test
    void everyProvinceEventFitsTheBrokersDefaultMessageSize() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select count(*), max(octet_length(payload)) from outbox_event"
                        + " where event_type = 'ntm.admin-units.changed'");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(63);
            // Kafka's default max.message.bytes / max.request.size is 1 MiB; Hà Nội (01), the largest, is ~350 KB
            assertThat(rs.getLong(2)).isBetween(100_000L, 900_000L);
        }
    }

    /** Communes of province 20 over all time: 20 in Chi Lăng alone before, 65 after; counted through the API. */
    private static long countCommunesOf20() {
        long before = io.restassured.RestAssured.given().queryParam("province", "20").queryParam("level", "commune")
                .queryParam("at", "2025-06-30").queryParam("size", "1").get("/admin-units").then().statusCode(200)
                .extract().jsonPath().getLong("total");
        long after = io.restassured.RestAssured.given().queryParam("province", "20").queryParam("level", "commune")
                .queryParam("at", "2025-07-01").queryParam("size", "1").get("/admin-units").then().statusCode(200)
                .extract().jsonPath().getLong("total");
        return before + after;
    }

    private static JsonNode unit(JsonNode event, String code, String validFrom) {
        for (JsonNode u : event.get("units")) {
            if (u.get("code").asText().equals(code) && u.get("validFrom").asText().equals(validFrom)) {
                return u;
            }
        }
        throw new AssertionError("no version of " + code + " from " + validFrom + " in the event");
    }

    private Schema schema() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/contracts/schemas/admin-units-changed.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }
}
