package vn.ntm.criteria.announce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.ReferenceSnapshots;
import vn.ntm.contracts.SectorsChanged;
import vn.ntm.contracts.Topics;
import vn.ntm.criteria.AuthFixture;
import vn.ntm.testinfra.TestInfrastructure;
import vn.ntm.testinfra.TopicReader;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reference data as state on the compacted {@code criteria-reference}: every key's snapshot carries the next version
 * of its key, an admin writes everything again, and a consumer with a new group, started after the records were
 * written, rebuilds the register, the sector list and the catalog from the topic alone.
 */
@QuarkusTest
class ReferenceSnapshotsTest {
    private static final String LANG_SON = "admin-units:20";
    private static final String SEEDED_SET = "XA_NTM_2021_2025";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    @Test
    void theTopicIsCompactedAndEveryKeyHasAVersionedSnapshotInTheDocumentedShape() throws Exception {
        assertThat(topicConfig("cleanup.policy")).isEqualTo("compact");
        List<ConsumerRecord<String, String>> langSon = TopicReader.ofTestBroker().await(Topics.CRITERIA_REFERENCE,
                r -> LANG_SON.equals(r.key()), found -> !found.isEmpty(), Duration.ofSeconds(60));
        ConsumerRecord<String, String> record = langSon.get(langSon.size() - 1);
        assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.ADMIN_UNITS_CHANGED);
        assertThat(schema("admin-units-changed.schema.json").validate(record.value(), InputFormat.JSON)).isEmpty();
        JsonNode state = json.readTree(record.value());
        assertThat(state.get("version").asLong()).isPositive();
        assertThat(state.get("units").size()).isEqualTo(count("select count(*) from admin_unit"
                + " where province_code = '20'"));
        assertThat(record.value()).contains("Xã Thượng Cường");

        ConsumerRecord<String, String> sectors = latest(SectorsChanged.KEY);
        assertThat(TopicReader.header(sectors, CloudEventHeaders.DATA_SCHEMA))
                .isEqualTo(CloudEventHeaders.SECTORS_CHANGED_V2_SCHEMA);
        assertThat(schema("sectors-changed.v2.schema.json").validate(sectors.value(), InputFormat.JSON)).isEmpty();
        ConsumerRecord<String, String> set = latest(SEEDED_SET);
        assertThat(TopicReader.header(set, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.CRITERIA_SET_PUBLISHED);
        assertThat(schema("criteria-set-published.schema.json").validate(set.value(), InputFormat.JSON)).isEmpty();
    }

    @Test
    void anAdminReannouncesEveryKeyWithItsNextVersion() throws Exception {
        long before = heldVersion(LANG_SON);

        JsonPath announced = given().header("Authorization", AuthFixture.admin())
                .post("/admin/reference/announce").then().statusCode(202).contentType("application/json")
                .extract().jsonPath();

        assertThat(announced.getInt("registers"))
                .isEqualTo(count("select count(distinct province_code) from admin_unit"));
        assertThat(announced.getInt("sectorLists")).isEqualTo(1);
        assertThat(announced.getInt("criteriaSets"))
                .isEqualTo(count("select count(*) from criteria_set where status in ('PUBLISHED', 'RETIRED')"));
        assertThat(heldVersion(LANG_SON)).isEqualTo(before + 1);
        List<ConsumerRecord<String, String>> records = TopicReader.ofTestBroker().await(Topics.CRITERIA_REFERENCE,
                r -> LANG_SON.equals(r.key()), found -> found.stream().anyMatch(r -> version(r) == before + 1),
                Duration.ofSeconds(60));
        assertThat(records.stream().map(this::version).toList()).contains(before + 1);
    }

    @Test
    void onlyAnAdminReannounces() throws Exception {
        long before = count("select coalesce(sum(version), 0) from reference_snapshot");

        given().post("/admin/reference/announce").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", AuthFixture.inspector("20")).post("/admin/reference/announce").then()
                .statusCode(403).contentType("application/problem+json");
        given().header("Authorization", AuthFixture.ops()).post("/admin/reference/announce").then().statusCode(403);

        assertThat(count("select coalesce(sum(version), 0) from reference_snapshot")).isEqualTo(before);
    }

    /**
     * Issue 24's "a consumer started after a week of events": the records were written earlier in the test (and at
     * the service's start); a consumer of a group that never read the topic, reading from the earliest offset and
     * keeping per key the snapshot that supersedes the one it holds, ends with the register of every province, the
     * sector list and every published set as criteria-service holds them.
     */
    @Test
    void aConsumerStartedLaterRebuildsTheRegisterAndCatalogFromTheCompactedTopic() throws Exception {
        given().header("Authorization", AuthFixture.admin()).post("/admin/reference/announce").then().statusCode(202);
        Map<String, Long> written = counts("select snapshot_key, version from reference_snapshot");
        TopicReader.ofTestBroker().await(Topics.CRITERIA_REFERENCE, r -> written.containsKey(r.key()),
                found -> found.stream().filter(r -> version(r) == written.get(r.key())).count() == written.size(),
                Duration.ofSeconds(120));

        Map<String, JsonNode> copy = rebuildWithANewGroup();

        assertThat(copy.keySet()).containsExactlyInAnyOrderElementsOf(written.keySet());
        written.forEach((key, version) -> assertThat(copy.get(key).get("version").asLong()).as(key)
                .isEqualTo(version));
        Map<String, Long> provinces = counts("select province_code, count(*) from admin_unit group by province_code");
        assertThat(provinces).isNotEmpty();
        provinces.forEach((province, units) -> assertThat(copy.get("admin-units:" + province).get("units").size())
                .as("units of province %s", province).isEqualTo(units.intValue()));
        Map<String, Long> sets = counts("select s.code, (select count(*) from criterion c where c.set_id = s.id)"
                + " from criteria_set s where s.status in ('PUBLISHED', 'RETIRED')");
        assertThat(sets).containsKey(SEEDED_SET);
        sets.forEach((code, criteria) -> assertThat(copy.get(code).get("criteria").size())
                .as("criteria of set %s", code).isEqualTo(criteria.intValue()));
        assertThat(copy.get(SectorsChanged.KEY).get("sectors").size())
                .isEqualTo(given().get("/sectors").then().statusCode(200).extract().jsonPath().getList("$").size());
    }

    /** A fresh consumer group from the earliest offset to the end offsets, applying the snapshot rule per key. */
    private Map<String, JsonNode> rebuildWithANewGroup() throws Exception {
        Map<String, JsonNode> copy = new HashMap<>();
        Map<String, Long> held = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "late-consumer-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CRITERIA_REFERENCE));
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.partitionsFor(Topics.CRITERIA_REFERENCE)
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!reached(consumer, end)) {
                assertThat(System.nanoTime()).as("read to the end offsets in 60 s").isLessThan(deadline);
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    JsonNode value = json.readTree(r.value());
                    Long version = value.hasNonNull("version") ? value.get("version").asLong() : null;
                    if (ReferenceSnapshots.supersedes(version, held.get(r.key()))) {
                        copy.put(r.key(), value);
                        held.put(r.key(), version);
                    }
                }
            }
        }
        return copy;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        Set<TopicPartition> assigned = consumer.assignment();
        if (!assigned.containsAll(end.keySet())) {
            return false;
        }
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private ConsumerRecord<String, String> latest(String key) {
        List<ConsumerRecord<String, String>> records = TopicReader.ofTestBroker().await(Topics.CRITERIA_REFERENCE,
                r -> key.equals(r.key()), found -> !found.isEmpty(), Duration.ofSeconds(60));
        return records.get(records.size() - 1);
    }

    private long version(ConsumerRecord<String, String> record) {
        try {
            return json.readTree(record.value()).get("version").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String topicConfig(String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CRITERIA_REFERENCE);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            return config.get(name).value();
        }
    }

    private long heldVersion(String key) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select version from reference_snapshot where snapshot_key = ?")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).as("a snapshot of %s", key).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private int count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private Map<String, Long> counts(String sql) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static Schema schema(String file) throws Exception {
        try (InputStream in = ReferenceSnapshotsTest.class.getResourceAsStream("/contracts/schemas/" + file)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                            InputFormat.JSON);
        }
    }
}
