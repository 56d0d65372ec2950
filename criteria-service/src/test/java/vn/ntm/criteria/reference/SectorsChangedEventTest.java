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
 * version 2, with the seeded succession of 1 March 2025 (the golden file {@code sectors-changed-2025-03.v2.json}),
 * and again only when it changes.
 */
@QuarkusTest
class SectorsChangedEventTest {
    private static final String GOLDEN = "/contracts/golden/sectors-changed-2025-03.v2.json";

    @Inject
    ObjectMapper json;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    SectorAnnouncer announcer;

    @Test
    void theSectorListIsAnnouncedAtStartupAsTheGoldenEventAndAgainOnlyWhenItChanges() throws Exception {
        List<ConsumerRecord<String, String>> records = recordsWithKey(SectorsChanged.KEY, Duration.ofSeconds(30));
        // the first start announces the list once, after the seed of the 1 March 2025 department mergers
        ConsumerRecord<String, String> first = records.get(0);
        assertThat(header(first, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.SECTORS_CHANGED);
        assertThat(header(first, CloudEventHeaders.DATA_SCHEMA))
                .isEqualTo(CloudEventHeaders.SECTORS_CHANGED_V2_SCHEMA);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(resource("/contracts/schemas/sectors-changed.v2.schema.json"), InputFormat.JSON);
        assertThat(schema.validate(first.value(), InputFormat.JSON)).isEmpty();
        assertThat(schema.validate(resource(GOLDEN), InputFormat.JSON)).isEmpty();
        assertThat(json.readTree(first.value())).isEqualTo(json.readTree(resource(GOLDEN)));
        assertThat(first.value()).contains("Giao thông vận tải", "Nông nghiệp và Môi trường");

        assertThat(announcer.announceIfChanged()).as("an unchanged list is not announced again").isFalse();
        RestAssured.given().when().get("/sectors").then().statusCode(200)
                .body("find { it.code == 'CA' }.validFrom", nullValue())
                .body("find { it.code == 'CA' }.validTo", nullValue())
                .body("find { it.code == 'GTVT' }.validTo", equalTo("2025-02-28"));

        sql("update sector set valid_to = '2030-12-31', successors = '{QS}' where code = 'CA'");
        try {
            assertThat(announcer.announceIfChanged()).isTrue();
            List<ConsumerRecord<String, String>> after = recordsWithKey(SectorsChanged.KEY, records.size() + 1,
                    Duration.ofSeconds(30));
            JsonNode last = json.readTree(after.get(after.size() - 1).value());
            assertThat(schema.validate(after.get(after.size() - 1).value(), InputFormat.JSON)).isEmpty();
            JsonNode ca = null;
            for (JsonNode s : last.get("sectors")) {
                if (s.get("code").asText().equals("CA")) {
                    ca = s;
                }
            }
            assertThat(ca.get("validTo").asText()).isEqualTo("2030-12-31");
            assertThat(ca.get("successors").toString()).isEqualTo("[\"QS\"]");
            RestAssured.given().when().get("/sectors").then().statusCode(200)
                    .body("find { it.code == 'CA' }.validTo", equalTo("2030-12-31"));
        } finally {
            sql("update sector set valid_to = null, successors = '{}' where code = 'CA'");
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
