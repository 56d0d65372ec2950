package vn.ntm.task;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.ntm.contracts.AdminUnitsChanged;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.testinfra.TestInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The {@code ntm.admin-units.changed} event criteria-service sends for Lạng Sơn (20), built as REGISTER-EVENT.md
 * specifies from the real rows of {@code shared/data/admin-units/}: {@code units-2025-03.csv} (valid until
 * 2025-06-30), {@code units-2025-07.csv} (valid from 2025-07-01) and the province's rows of
 * {@code succession-2025-07.csv} and {@code succession-provinces-2025-07.csv} ({@code src/test/resources/register/}).
 */
public final class RegisterFixture {
    public static final String LEGAL_BASIS = "Nghị quyết 1672/NQ-UBTVQH15";

    private record Row(String level, String code, String name, String type, String parentCode) {
    }

    private RegisterFixture() {
    }

    /** The event data for Lạng Sơn. */
    public static String langSon() {
        ObjectNode event = Fixtures.JSON.createObjectNode();
        event.put("schemaVersion", 1);
        event.put("registerVersion", "units-2025-07");
        event.put("provinceCode", "20");
        ArrayNode units = event.putArray("units");
        List<Row> before = rows("lang-son-units-2025-03.csv");
        List<Row> after = rows("lang-son-units-2025-07.csv");
        Map<String, Row> beforeByCode = byCode(before);
        Map<String, Row> afterByCode = byCode(after);
        for (Row old : before) {
            boolean unchanged = old.equals(afterByCode.get(old.code()));
            units.add(unit(old, provinceOf(old, beforeByCode), "1900-01-01", unchanged ? null : "2025-06-30"));
        }
        for (Row now : after) {
            if (!now.equals(beforeByCode.get(now.code()))) {
                units.add(unit(now, provinceOf(now, afterByCode), "2025-07-01", null));
            }
        }
        ArrayNode successions = event.putArray("successions");
        for (String line : lines("lang-son-succession-2025-07.csv")) {
            String[] f = line.split(",", -1);
            successions.addObject().put("fromCode", f[0]).put("toCode", f[2]).put("effectiveOn", f[4])
                    .put("legalBasis", LEGAL_BASIS);
        }
        successions.addObject().put("fromCode", "20").put("toCode", "20").put("effectiveOn", "2025-07-01")
                .putNull("legalBasis");
        return event.toString();
    }

    /** Publishes {@code data} on {@code criteria-reference} with the given ce_id and type. */
    public static void publish(String data, UUID eventId, String type) {
        publish(AdminUnitsChanged.key("20"), data, eventId, type);
    }

    /** Publishes {@code data} on {@code criteria-reference} with the given key, ce_id and type. */
    public static void publish(String key, String data, UUID eventId, String type) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CRITERIA_REFERENCE, key, data);
            CloudEventHeaders.of(eventId.toString(), type, "/ntm/criteria-service", Instant.now(), null)
                    .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void publish(String data, UUID eventId) {
        publish(data, eventId, EventTypes.ADMIN_UNITS_CHANGED);
    }

    /**
     * Waits until task-service's consumer has committed every record on {@code criteria-reference}: its succession run
     * (done before the record is acknowledged) is over, so a test's own run does not race it.
     */
    /**
     * Removes the register copy once the consumer has applied every register event: the seed's units ceased on
     * 2025-07-01, so with a copy present task-service gives their new tasks to the successors at once, which other
     * test classes (expecting the seed's own units) must not see.
     */
    public static void removeCopy(javax.sql.DataSource dataSource) {
        awaitConsumerCaughtUp();
        deleteCopy(dataSource);
    }

    /** Removes the register copy at once: for classes that applied it directly, not through the topic. */
    public static void deleteCopy(javax.sql.DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("delete from admin_unit_succession");
            st.execute("delete from admin_unit");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until task-service's group has committed every record of {@code criteria-reference} sent so far. */
    public static void awaitConsumerCaughtUp() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(List.of(Topics.CRITERIA_REFERENCE)).allTopicNames().get().get(Topics.CRITERIA_REFERENCE)
                    .partitions().forEach(p -> latest.put(new TopicPartition(Topics.CRITERIA_REFERENCE, p.partition()),
                            OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new java.util.HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("task-service")
                        .partitionsToOffsetAndMetadata().get();
                // a partition nothing was ever sent to has nothing to wait for (and may have no committed offset)
                return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() >= end.getValue());
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Row> byCode(List<Row> rows) {
        Map<String, Row> map = new LinkedHashMap<>();
        rows.forEach(r -> map.put(r.code(), r));
        return map;
    }

    private static String provinceOf(Row row, Map<String, Row> byCode) {
        return switch (row.level()) {
            case "province" -> row.code();
            case "district" -> row.parentCode();
            default -> {
                Row parent = byCode.get(row.parentCode());
                yield parent.level().equals("province") ? parent.code() : parent.parentCode();
            }
        };
    }

    private static ObjectNode unit(Row row, String province, String validFrom, String validTo) {
        ObjectNode unit = Fixtures.JSON.createObjectNode();
        unit.put("code", row.code());
        unit.put("name", row.name());
        unit.put("type", row.type());
        unit.put("level", row.level());
        unit.put("parentCode", row.parentCode().isEmpty() ? null : row.parentCode());
        unit.put("provinceCode", province);
        unit.put("validFrom", validFrom);
        unit.put("validTo", validTo);
        return unit;
    }

    private static List<Row> rows(String file) {
        List<Row> rows = new ArrayList<>();
        for (String line : lines(file)) {
            String[] f = line.split(",", -1);
            rows.add(new Row(f[0], f[1], f[2], f[3], f[4]));
        }
        return rows;
    }

    /** The data lines of a CSV resource (header skipped). */
    private static List<String> lines(String file) {
        String[] all = Fixtures.resource("/register/" + file).split("\n");
        List<String> out = new ArrayList<>();
        for (int i = 1; i < all.length; i++) {
            if (!all[i].isBlank()) {
                out.add(all[i].strip());
            }
        }
        return out;
    }
}
