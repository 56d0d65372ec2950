package vn.ntm.criteria.sets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ntm.criteria.CriteriaEventsConsumer.header;
import static vn.ntm.criteria.CriteriaEventsConsumer.recordsWithKey;
import static vn.ntm.criteria.CriteriaEventsConsumer.recordsWithKeyNow;
import static vn.ntm.criteria.SetFixtures.createDraft;
import static vn.ntm.criteria.SetFixtures.post;
import static vn.ntm.criteria.SetFixtures.uniqueCode;

@QuarkusTest
class CriteriaSetPublishedEventTest {
    @Inject
    ObjectMapper json;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void publishingEmitsTheEventOnTheRealBroker() throws Exception {
        String code = uniqueCode("EVT");
        createDraft(code);
        assertThat(recordsWithKeyNow(code)).isEmpty();

        post("/criteria-sets/" + code + "/publish", "").statusCode(200);

        List<ConsumerRecord<String, String>> records = recordsWithKey(code, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.CRITERIA_SET_PUBLISHED);
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/ntm/criteria-service");
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(announcedEventId(code));
        assertThat(Instant.parse(header(record, CloudEventHeaders.TIME))).isBefore(Instant.now().plusSeconds(1));

        JsonNode body = json.readTree(record.value());
        assertThat(body.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("name").asText()).isEqualTo("Bộ tiêu chí thử nghiệm xã nông thôn mới");
        assertThat(body.get("level").asText()).isEqualTo("COMMUNE");
        assertThat(body.get("criteria")).hasSize(3);
        assertThat(body.at("/criteria/2/sectors").toString()).isEqualTo("[\"TNMT\",\"YT\",\"NNPTNT\",\"CT\"]");
        assertThat(body.at("/criteria/1/indicators/0/code").asText()).isEqualTo("2.1");
        assertThat(body.at("/criteria/2/indicators/0/sectors").toString()).isEqualTo("[\"YT\"]");
        assertThat(body.has("provinceCode")).isTrue();
        assertThat(record.value()).contains("Môi trường và an toàn thực phẩm"); // UTF-8, not \\u-escaped
    }

    @Test
    void seededSetsAreAnnouncedOnceAtStartupMatchingTheGoldenEvent() throws Exception {
        List<ConsumerRecord<String, String>> records = recordsWithKey("XA_NTM_2021_2025", Duration.ofSeconds(30));

        assertThat(records).hasSize(1);
        assertThat(header(records.get(0), CloudEventHeaders.ID)).isEqualTo(announcedEventId("XA_NTM_2021_2025"));
        assertThat(header(records.get(0), CloudEventHeaders.TYPE)).isEqualTo(EventTypes.CRITERIA_SET_PUBLISHED);
        try (InputStream golden = getClass().getResourceAsStream("/contracts/golden/criteria-set-published.json")) {
            assertThat(json.readTree(records.get(0).value())).isEqualTo(json.readTree(golden));
        }
        assertThat(recordsWithKey("XA_NTM_2016_2020", Duration.ofSeconds(30))).hasSize(1);
        assertThat(count("select count(*) from outbox_event where event_key = 'XA_NTM_2021_2025'"
                + " and topic = 'criteria-events'")).isEqualTo(1);
    }

    private String announcedEventId(String code) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select announced_event_id from criteria_set where code = ?")) {
            st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
