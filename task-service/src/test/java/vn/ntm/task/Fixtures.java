package vn.ntm.task;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.contracts.Topics;
import vn.ntm.testinfra.TestInfrastructure;
import vn.ntm.testinfra.TopicReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** The seed inspection's golden event and plain Kafka clients, as another service would use them. */
public final class Fixtures {
    public static final int SEED_TASK_COUNT = 39;
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Fixtures() {
    }

    public static String resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The golden seed event with a fresh inspection id, so that each test has its own tasks. Every test inspects the
     * seed's communes on the seed's day, and task-service gives one commune's gaps of one day one piece of work
     * (DOMAIN.md §8): so the first call for an inspection id starts the seed communes' history afresh
     * ({@link #forgetSeedHistory}); {@link #seedEventOfTheSameHistory} continues it (a re-inspection).
     */
    public static ObjectNode seedEvent(UUID inspectionId) {
        if (SEED_IDS.add(inspectionId)) {
            forgetSeedHistory();
        }
        return seedEventOfTheSameHistory(inspectionId);
    }

    private static final java.util.Set<UUID> SEED_IDS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Test isolation: the seed communes' recorded findings are forgotten and their earlier tests' work is no longer
     * reconciled (it stays as it is, like work from before the loop), so the next seed inspection asks for its own.
     */
    public static void forgetSeedHistory() {
        var container = io.quarkus.arc.Arc.container();
        if (container == null || !container.isRunning()) {
            return; // a plain unit test: no database
        }
        var db = container.instance(io.agroal.api.AgroalDataSource.class);
        if (!db.isAvailable()) {
            return;
        }
        try (var c = db.get().getConnection(); var st = c.createStatement()) {
            // the seed's communes and, with a register copy, the units of their lineages (06475 Bằng Mạc, 06463 Chi Lăng)
            String lineage = "('06490', '06523') or commune_code in (select s.to_code from admin_unit_succession s"
                    + " where s.from_code in ('06490', '06523') union select p.from_code from admin_unit_succession p"
                    + " join admin_unit_succession s on s.to_code = p.to_code where s.from_code in ('06490', '06523'))";
            st.executeUpdate("update task set work_basis = null where work_basis is not null and (commune_code in "
                    + lineage + ")");
            st.executeUpdate("delete from inspection_visit where commune_code in " + lineage);
            st.executeUpdate("delete from visit_result where commune_code in " + lineage);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger MADE_UP_COMMUNES =
            new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A commune code no register holds (70000–99999), a new one at each call of this test JVM: a counter, not a random
     * pick, because two tests given the same commune would share its work (DOMAIN.md §8) and see each other's.
     */
    public static String madeUpCommune() {
        return String.valueOf(70_000 + MADE_UP_COMMUNES.getAndIncrement() % 30_000);
    }

    /**
     * The seed event with made-up codes for its two communes (each call its own), for tests of the consumer's
     * mechanics that send many seed inspections at once: each then asks for all its work.
     */
    public static ObjectNode seedEventWithOwnCommunes(UUID inspectionId) {
        String text = seedEventOfTheSameHistory(inspectionId).toString()
                .replace("\"06490\"", "\"" + madeUpCommune() + "\"")
                .replace("\"06523\"", "\"" + madeUpCommune() + "\"");
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden seed event with this inspection id, continuing the seed communes' history. */
    public static ObjectNode seedEventOfTheSameHistory(UUID inspectionId) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(resource("/contracts/golden/inspection-finalized.json"));
            event.put("inspectionId", inspectionId.toString());
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InspectionFinalized seedRecord(UUID inspectionId) {
        return JSON.convertValue(seedEvent(inspectionId), InspectionFinalized.class);
    }

    public static void publish(String key, String value, Map<String, String> headers, Integer partition) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INSPECTION_EVENTS, partition, key,
                    value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> headers(UUID eventId, String type) {
        return CloudEventHeaders.of(eventId.toString(), type, "/ntm/inspection-service", Instant.now(), null);
    }

    /** Publishes the seed event for {@code inspectionId} with a random ce_id; returns the ce_id. */
    public static UUID publishSeed(UUID inspectionId) {
        UUID eventId = UUID.randomUUID();
        publish(inspectionId.toString(), seedEvent(inspectionId).toString(),
                headers(eventId, EventTypes.INSPECTION_FINALIZED), null);
        return eventId;
    }

    public static JsonPath tasksOf(UUID inspectionId) {
        return Auth.asAdmin().queryParam("inspectionId", inspectionId).queryParam("size", 200)
                .when().get("/tasks").then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath awaitTasks(UUID inspectionId, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> tasksOf(inspectionId).getInt("total") >= count);
        return tasksOf(inspectionId);
    }

    /**
     * The records of {@code topic} that {@code keep} accepts, read to the topic's end again and again until
     * {@code done} holds for them (fails after {@code timeout}).
     */
    public static List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> keep,
                                                           Predicate<List<ConsumerRecord<String, String>>> done,
                                                           Duration timeout) {
        return TopicReader.ofTestBroker().await(topic, keep, done, timeout);
    }

    /**
     * Every record of {@code topic} that {@code keep} accepts, once this service's outbox has sent everything it
     * holds: nothing more of it can arrive later, so a duplicate would be in the answer.
     */
    public static List<ConsumerRecord<String, String>> readAllSent(DataSource db, String topic,
                                                                  Predicate<ConsumerRecord<String, String>> keep) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            try (var c = db.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(
                    "select count(*) from outbox_event where published_at is null and parked_at is null")) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
        return TopicReader.ofTestBroker().readToEnd(topic, keep);
    }

    /** Every record of {@code topic} with {@code key}, read without a group from the beginning to its current end. */
    public static List<ConsumerRecord<String, String>> readToEnd(String topic, String key) {
        return TopicReader.ofTestBroker().readToEnd(topic, r -> key.equals(r.key()));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /**
     * The seed's event reduced to one (made-up) commune of the seed's district with only these findings, inspected on
     * {@code date}; {@code set} replaces the commune's criteria set unless null.
     */
    public static ObjectNode oneCommuneInspection(UUID id, String date, String commune, String set,
                                                  Map<Integer, String> results) {
        ObjectNode event = seedEventOfTheSameHistory(id);
        event.put("inspectedOn", date);
        com.fasterxml.jackson.databind.node.ArrayNode communes =
                (com.fasterxml.jackson.databind.node.ArrayNode) event.get("communes");
        communes.remove(1);
        ObjectNode c = (ObjectNode) communes.get(0);
        c.put("code", commune).put("name", "Xã Thử " + commune);
        if (set != null) {
            c.put("criteriaSet", set);
        }
        com.fasterxml.jackson.databind.node.ArrayNode findings = c.putArray("findings");
        for (com.fasterxml.jackson.databind.JsonNode f : seedEventOfTheSameHistory(id).get("communes").get(0)
                .get("findings")) {
            String result = results.get(f.get("criterion").asInt());
            if (result != null) {
                findings.add(((ObjectNode) f.deepCopy()).put("result", result).putNull("deadline"));
            }
        }
        c.putObject("summary").put("met", (int) results.values().stream().filter("MET"::equals).count())
                .put("notMet", (int) results.values().stream().filter("NOT_MET"::equals).count())
                .put("notAssessed", (int) results.values().stream().filter("NOT_ASSESSED"::equals).count())
                .put("total", results.size());
        ((com.fasterxml.jackson.databind.node.ArrayNode) event.get("recommendations")).removeAll();
        return event;
    }
}
