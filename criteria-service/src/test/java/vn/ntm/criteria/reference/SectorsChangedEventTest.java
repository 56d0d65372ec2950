package vn.ntm.criteria.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.SectorsChanged;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static vn.ntm.criteria.CriteriaEventsConsumer.header;
import static vn.ntm.criteria.CriteriaEventsConsumer.recordsWithKey;

/**
 * The sector list is data with validity (issue 12): announced once at the first start as {@code ntm.sectors.changed}
 * (the golden file), and again only when it changes.
 */
@QuarkusTest
class SectorsChangedEventTest {
    @Inject
    ObjectMapper json;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    SectorAnnouncer announcer;

    @Test
    void theSectorListIsAnnouncedAtStartupAsTheGoldenEventAndAgainOnlyWhenItChanges() throws Exception {
        List<ConsumerRecord<String, String>> records = recordsWithKey(SectorsChanged.KEY, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        assertThat(header(records.get(0), CloudEventHeaders.TYPE)).isEqualTo(EventTypes.SECTORS_CHANGED);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(resource("/contracts/schemas/sectors-changed.schema.json"), InputFormat.JSON);
        assertThat(schema.validate(records.get(0).value(), InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(resource("/contracts/golden/sectors-changed.json"), InputFormat.JSON)).isEmpty();
        assertThat(json.readTree(records.get(0).value()))
                .isEqualTo(json.readTree(resource("/contracts/golden/sectors-changed.json")));
        assertThat(records.get(0).value()).contains("Giao thông vận tải");

        assertThat(announcer.announceIfChanged()).as("an unchanged list is not announced again").isFalse();
        RestAssured.given().when().get("/sectors").then().statusCode(200)
                .body("find { it.code == 'GTVT' }.validFrom", nullValue())
                .body("find { it.code == 'GTVT' }.validTo", nullValue());

        sql("update sector set valid_to = '2025-02-28', successors = '{XD}' where code = 'GTVT'");
        try {
            assertThat(announcer.announceIfChanged()).isTrue();
            List<ConsumerRecord<String, String>> after = recordsWithKey(SectorsChanged.KEY, records.size() + 1,
                    Duration.ofSeconds(30));
            JsonNode last = json.readTree(after.get(after.size() - 1).value());
            assertThat(schema.validate(after.get(after.size() - 1).value(), InputFormat.JSON)).isEmpty();
            JsonNode gtvt = null;
            for (JsonNode s : last.get("sectors")) {
                if (s.get("code").asText().equals("GTVT")) {
                    gtvt = s;
                }
            }
            assertThat(gtvt.get("validTo").asText()).isEqualTo("2025-02-28");
            assertThat(gtvt.get("successors").toString()).isEqualTo("[\"XD\"]");
            RestAssured.given().when().get("/sectors").then().statusCode(200)
                    .body("find { it.code == 'GTVT' }.validTo", equalTo("2025-02-28"));
        } finally {
            sql("update sector set valid_to = null, successors = '{}' where code = 'GTVT'");
            announcer.announceIfChanged();
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private String resource(String path) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
