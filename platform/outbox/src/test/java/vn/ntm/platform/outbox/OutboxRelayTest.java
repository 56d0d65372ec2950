package vn.ntm.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.localinfra.KafkaBroker;
import vn.ntm.testinfra.TestInfrastructure;
import vn.ntm.platform.tracing.TraceContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class OutboxRelayTest {
    /** Above {@code ntm.outbox.max-event-bytes} of the test configuration (64 KiB). */
    static final int TOO_LARGE = 100_000;

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource db;

    @Inject
    MeterRegistry registry;

    @Inject
    Tracer tracer;

    @BeforeEach
    @AfterEach
    void forgetUnsentRows() {
        OutboxTable.execute(db, "delete from outbox_event where published_at is null");
    }

    @Test
    void parksAnEventTooLargeForTheBrokerAndDeliversTheRowsBehindItExactlyOnce() {
        String topic = TopicRecords.newTopic("outbox-large");
        List<UUID> ids = append(event(topic, "a", 10), event(topic, "b", TOO_LARGE), event(topic, "c", 10),
                event(topic, "d", 10));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(OutboxTable.row(db, ids.get(1)).parked()).isTrue();
            assertThat(List.of(ids.get(0), ids.get(2), ids.get(3)))
                    .allSatisfy(id -> assertThat(OutboxTable.row(db, id).published()).isTrue());
        });
        OutboxTable.Row parked = OutboxTable.row(db, ids.get(1));
        assertThat(parked.published()).isFalse();
        assertThat(parked.attempts()).isEqualTo(1);
        assertThat(parked.lastError()).startsWith("RecordTooLargeException");
        assertThat(TopicRecords.eventIds(topic)).containsExactly(ids.get(0), ids.get(2), ids.get(3));
    }

    /** Also OutboxAdminTest's former retry test: the row parked here is the one the admin lists and retries. */
    @Test
    @TestSecurity(user = "operator", roles = "admin")
    void doesNotSendAcknowledgedRowsAgainWhenAnotherRowOfTheBatchFailsAndSendsThatRowOnceAnAdminRetriesIt() {
        String topic = TopicRecords.newTopic("outbox-batch");
        String missingTopic = "outbox-missing-" + UUID.randomUUID();
        List<UUID> ids = append(event(topic, "a", 10), event(missingTopic, "x", 10), event(topic, "b", 10),
                event(topic, "c", 10));
        UUID failing = ids.get(1);
        List<UUID> good = List.of(ids.get(0), ids.get(2), ids.get(3));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(good).allSatisfy(id -> assertThat(OutboxTable.row(db, id).published()).isTrue());
            assertThat(OutboxTable.row(db, failing).attempts()).as("the failing row was retried").isGreaterThanOrEqualTo(2);
        });
        assertThat(TopicRecords.eventIds(topic)).containsExactlyElementsOf(good);

        // a row that fails max-attempts (2) times while the broker takes other records is parked
        await().atMost(Duration.ofSeconds(60)).until(() -> OutboxTable.row(db, failing).parked());
        OutboxTable.Row parked = OutboxTable.row(db, failing);
        assertThat(parked.attempts()).isEqualTo(2);
        assertThat(parked.lastError()).contains("not present in metadata");
        assertThat(TopicRecords.eventIds(topic)).containsExactlyElementsOf(good);

        // the admin sees the parked row; once its topic exists, the admin's retry makes it pending and it is sent once
        long id = parked.id();
        given().get("/admin/outbox/parked").then().statusCode(200)
                .body("eventId", hasItem(failing.toString()))
                .body("find { it.id == " + id + " }.attempts", equalTo(2))
                .body("find { it.id == " + id + " }.lastError", startsWith("TimeoutException"))
                .body("find { it.id == " + id + " }.parkedAt", notNullValue())
                .body("find { it.id == " + id + " }.topic", equalTo(missingTopic));

        KafkaBroker.createTopics(TestInfrastructure.get().bootstrapServers(), Map.of(missingTopic, 1));
        given().post("/admin/outbox/parked/" + id + "/retry").then().statusCode(200)
                .body("eventId", equalTo(failing.toString()))
                .body("parkedAt", nullValue())
                .body("attempts", equalTo(0));

        await().atMost(Duration.ofSeconds(60)).until(() -> OutboxTable.row(db, failing).published());
        assertThat(TopicRecords.eventIds(missingTopic)).containsExactly(failing);
        assertThat(TopicRecords.eventIds(topic)).containsExactlyElementsOf(good);
        given().get("/admin/outbox/parked").then().statusCode(200).body("id", not(hasItem((int) id)));
    }

    @Test
    void drainsThePendingRowsOnceTheBrokerIsBackWithoutParkingThem() {
        String topic = TopicRecords.newTopic("outbox-outage");
        UUID before = append(event(topic, "before", 10)).get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> OutboxTable.row(db, before).published());

        TestInfrastructure infra = TestInfrastructure.get();
        List<UUID> during;
        infra.stopKafka();
        try {
            double failuresBefore = failures();
            during = append(event(topic, "d1", 10), event(topic, "d2", TOO_LARGE), event(topic, "d3", 10),
                    event(topic, "d4", 10));
            // three failed passes (the first also parks d2), more than max-attempts (2): an outage is no row's fault, so nothing is parked for it
            await().atMost(Duration.ofSeconds(120)).until(() -> failures() - failuresBefore >= 10);
            assertThat(OutboxTable.row(db, during.get(0)).lastError()).isNotNull();
            assertThat(List.of(during.get(0), during.get(2), during.get(3))).allSatisfy(id -> {
                OutboxTable.Row row = OutboxTable.row(db, id);
                assertThat(row.parked()).isFalse();
                assertThat(row.published()).isFalse();
                assertThat(row.attempts()).isZero();
            });
        } finally {
            infra.startKafka();
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(List.of(during.get(0),
                during.get(2), during.get(3))).allSatisfy(id -> assertThat(OutboxTable.row(db, id).published()).isTrue()));
        assertThat(OutboxTable.row(db, during.get(1)).parked()).isTrue();
        // each exactly once; rows retried after a failure may overtake each other (different keys)
        List<UUID> onTopic = TopicRecords.eventIds(topic);
        assertThat(onTopic.get(0)).isEqualTo(before);
        assertThat(onTopic).containsExactlyInAnyOrder(before, during.get(0), during.get(2), during.get(3));
    }

    @Test
    void sendsCloudEventsHeadersAndTheExtraHeadersOfTheRow() {
        String topic = TopicRecords.newTopic("outbox-headers");
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        UUID id = append(event(topic, "k-Thượng Cường", 10).withHeaders(Map.of("traceparent", traceparent))).get(0);

        await().atMost(Duration.ofSeconds(30)).until(() -> OutboxTable.row(db, id).published());
        List<ConsumerRecord<String, String>> records = TopicRecords.all(topic);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(record.key()).isEqualTo("k-Thượng Cường");
        assertThat(record.value()).isEqualTo("{\"text\":\"" + "x".repeat(10) + "\"}");
        assertThat(TopicRecords.header(record, CloudEventHeaders.ID)).isEqualTo(id.toString());
        assertThat(TopicRecords.header(record, CloudEventHeaders.TYPE)).isEqualTo("ntm.test.happened");
        assertThat(TopicRecords.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/ntm/outbox-test");
        assertThat(TopicRecords.header(record, CloudEventHeaders.SUBJECT)).isEqualTo("k-Thượng Cường");
        assertThat(TopicRecords.header(record, "traceparent")).isEqualTo(traceparent);
    }

    @Test
    void anEventWrittenInsideASpanReachesKafkaWithThatSpansTraceThoughTheRelaySendsItOnItsOwnThread() {
        String topic = TopicRecords.newTopic("outbox-trace");
        Span span = tracer.spanBuilder("finalize").startSpan();
        UUID id;
        try (Scope ignored = span.makeCurrent()) {
            id = append(event(topic, "traced", 10)).get(0);
        } finally {
            span.end();
        }
        UUID untraced = append(event(topic, "untraced", 10)).get(0);

        String stored = traceparentOf(id);
        assertThat(TraceContext.traceId(stored)).contains(span.getSpanContext().getTraceId());
        assertThat(traceparentOf(untraced)).isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> OutboxTable.row(db, id).published()
                && OutboxTable.row(db, untraced).published());
        Map<String, ConsumerRecord<String, String>> byKey = new java.util.HashMap<>();
        TopicRecords.all(topic).forEach(r -> byKey.put(r.key(), r));
        assertThat(TraceContext.traceId(TopicRecords.header(byKey.get("traced"), TraceContext.TRACEPARENT)))
                .contains(span.getSpanContext().getTraceId());
        assertThat(TopicRecords.header(byKey.get("untraced"), TraceContext.TRACEPARENT)).isNull();
    }

    @Test
    void writesNothingWhenTheCallersTransactionRollsBack() {
        String topic = TopicRecords.newTopic("outbox-rollback");
        UUID[] id = new UUID[1];
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                id[0] = outbox.append(event(topic, "r", 10));
                throw new IllegalStateException("the state change failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(id[0]).isNotNull();
        assertThat(count("select count(*) from outbox_event where event_id = '" + id[0] + "'")).isZero();
        assertThat(TopicRecords.eventIds(topic)).isEmpty();
    }

    static OutboxEvent event(String topic, String key, int textLength) {
        return OutboxEvent.of(topic, key, "ntm.test.happened", Map.of("text", "x".repeat(textLength)));
    }

    private List<UUID> append(OutboxEvent... events) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.appendAll(List.of(events)));
    }

    private String traceparentOf(UUID eventId) {
        try (var c = db.getConnection(); var st = c.prepareStatement(
                "select headers ->> 'traceparent' from outbox_event where event_id = ?")) {
            st.setObject(1, eventId);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private double failures() {
        return registry.get("ntm.outbox.failures").counter().count();
    }

    private long count(String sql) {
        try (var c = db.getConnection(); var st = c.prepareStatement(sql); var rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
