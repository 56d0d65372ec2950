package vn.ntm.inspection.register;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.Db;
import vn.ntm.inspection.fixtures.FakeCriteriaService;
import vn.ntm.inspection.fixtures.RegisterFixture;
import vn.ntm.inspection.fixtures.Topic;
import vn.ntm.testinfra.RefusingTable;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The local catalog and register copies: fed by criteria-reference, applied once per event id and only when newer
 * than the snapshot held for the key, poison records dead-lettered. No criteria-service runs in the tests, so every
 * check here also proves known sets are read while it is down.
 */
@QuarkusTest
class CriteriaEventsConsumerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource db;

    @Test
    void aPublishedSetIsUsableWhileCriteriaServiceIsDown() {
        RegisterFixture.ensureLoaded(db);
        String code = "XA_TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        CatalogFixture.publish(CatalogFixture.set(code, 5));
        CatalogFixture.awaitCopied(db, code);
        assertThat(FakeCriteriaService.requests(code)).as("read from the local copy, never from criteria-service")
                .isZero();

        String commune = Api.uniqueCommune();
        String id = Api.json().body(Api.inspectionBody("Copy " + UUID.randomUUID(), commune, "2023-01-01")
                .replace("XA_NTM_2021_2025", code)).post("/inspections").then().statusCode(201).extract().path("id");
        Api.findings(id).body("[{\"criterion\": 5, \"result\": \"MET\"}]")
                .put("/inspections/" + id + "/communes/" + commune + "/findings").then().statusCode(200)
                .body("summary.total", equalTo(5))
                .body("findings[0].criterionName", equalTo("Trường học"));
        Api.findings(id).body("[{\"criterion\": 6, \"result\": \"MET\"}]")
                .put("/inspections/" + id + "/communes/" + commune + "/findings").then().statusCode(422);
        assertThat(FakeCriteriaService.requests(code)).isZero();
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        String code = "XA_TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String eventId = UUID.randomUUID().toString();
        String payload = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(CatalogFixture.set(code, 3));
        CatalogFixture.send(code, payload, eventId, EventTypes.CRITERIA_SET_PUBLISHED);
        CatalogFixture.awaitCopied(db, code);
        // the same event again, but its body now says 4 criteria: a redelivery must change nothing
        CatalogFixture.send(code, new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(CatalogFixture.set(code, 4)), eventId, EventTypes.CRITERIA_SET_PUBLISHED);
        // one partition, consumed in order: once a later event is applied, the redelivery has been handled
        CatalogFixture.publish(CatalogFixture.set(code + "_AFTER", 1));
        CatalogFixture.awaitCopied(db, code + "_AFTER");

        assertThat(Db.count(db, "select count(*) from processed_event where event_id = ?::uuid", eventId)).isEqualTo(1);
        assertThat(Db.count(db, "select count(*) from catalog_set, jsonb_array_elements(criteria) c"
                + " where code = ? and (c ->> 'number')::int = 4", code)).isZero();
        assertThat(Db.count(db, "select jsonb_array_length(criteria) from catalog_set where code = ?", code))
                .isEqualTo(3);
    }

    @Test
    void aTransientDatabaseFailureIsRetriedNotDeadLettered() {
        String code = "XA_TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // the real PostgreSQL refuses the copy as an exhausted server would (53300: too many connections)
        try (RefusingTable refusing = new RefusingTable(db, "catalog_set", "code", code, "53300")) {
            CatalogFixture.publish(CatalogFixture.set(code, 3));
            await().atMost(Duration.ofSeconds(60)).until(() -> refusing.refusals() >= 2);
        }
        CatalogFixture.awaitCopied(db, code);

        // the copy was applied after the retries: a dead letter would have been written before it
        assertThat(Topic.withKey(Topics.deadLetter(Topics.CRITERIA_EVENTS), code)).isEmpty();
    }

    @Test
    void aSerializationFailureIsRetriedToo() {
        String code = "XA_TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        try (RefusingTable refusing = new RefusingTable(db, "catalog_set", "code", code, "40001")) {
            CatalogFixture.publish(CatalogFixture.set(code, 2));
            await().atMost(Duration.ofSeconds(60)).until(() -> refusing.refusals() >= 2);
        }
        CatalogFixture.awaitCopied(db, code);
        assertThat(Topic.withKey(Topics.deadLetter(Topics.CRITERIA_EVENTS), code)).isEmpty();
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String key = "POISON_" + UUID.randomUUID();
        CatalogFixture.send(key, "{not json", UUID.randomUUID().toString(), EventTypes.CRITERIA_SET_PUBLISHED);
        String next = "XA_TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        CatalogFixture.publish(CatalogFixture.set(next, 2));
        CatalogFixture.awaitCopied(db, next);

        // the next set is copied: the poison record before it on the one partition was dead-lettered already
        List<ConsumerRecord<String, String>> dead = Topic.withKey(Topics.deadLetter(Topics.CRITERIA_EVENTS), key);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo("{not json");
        assertThat(Topic.header(dead.get(0), CloudEventHeaders.DLQ_REASON)).isNotBlank();
        assertThat(Db.count(db, "select count(*) from catalog_set where code = ?", key)).isZero();
    }

    @Test
    void anOlderSetSnapshotDeliveredAfterANewerOneChangesNothing() throws Exception {
        String code = "XA_TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String newer = UUID.randomUUID().toString();
        String older = UUID.randomUUID().toString();
        CatalogFixture.send(code, JSON.writeValueAsString(CatalogFixture.set(code, 3).withVersion(2L)), newer,
                EventTypes.CRITERIA_SET_PUBLISHED);
        // the outbox retried version 1 and it reached the topic after version 2
        CatalogFixture.send(code, JSON.writeValueAsString(CatalogFixture.set(code, 4).withVersion(1L)), older,
                EventTypes.CRITERIA_SET_PUBLISHED);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> Db.exists(db,
                "select 1 from processed_event where event_id = ?::uuid", older));

        assertThat(Db.count(db, "select jsonb_array_length(criteria) from catalog_set where code = ?", code))
                .isEqualTo(3);
        assertThat(Db.count(db, "select version from reference_snapshot where snapshot_key = ?", code)).isEqualTo(2);
        assertThat(Db.string(db, "select event_id::text from reference_snapshot where snapshot_key = ?", code))
                .isEqualTo(newer);
    }

    @Test
    void anOlderRegisterSnapshotDeliveredAfterANewerOneChangesNothing() {
        String newer = UUID.randomUUID().toString();
        String older = UUID.randomUUID().toString();
        CatalogFixture.send("admin-units:97", registerOf97(8, "Xã Hòa Bình Mới"), newer, RegisterFixture.TYPE);
        CatalogFixture.send("admin-units:97", registerOf97(7, "Xã Hòa Bình Cũ"), older, RegisterFixture.TYPE);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> Db.exists(db,
                "select 1 from processed_event where event_id = ?::uuid", older));

        assertThat(Db.string(db, "select name from admin_unit where code = '97001'")).isEqualTo("Xã Hòa Bình Mới");
        assertThat(Db.count(db, "select count(*) from admin_unit where province_code = '97'")).isEqualTo(2);
        assertThat(Db.count(db, "select version from reference_snapshot where snapshot_key = 'admin-units:97'"))
                .isEqualTo(8);
    }

    /** The register of a test province 97 with one commune, as snapshot {@code version} of its key. */
    private static String registerOf97(long version, String communeName) {
        return """
                {"schemaVersion": 1, "registerVersion": "units-test", "provinceCode": "97", "units": [
                  {"code": "97", "name": "Tỉnh Thử Nghiệm", "type": "Tỉnh", "level": "province", "parentCode": null,
                   "provinceCode": "97", "validFrom": "1900-01-01", "validTo": null},
                  {"code": "97001", "name": "%s", "type": "Xã", "level": "commune", "parentCode": "97",
                   "provinceCode": "97", "validFrom": "2025-07-01", "validTo": null}],
                 "successions": [], "version": %d}
                """.formatted(communeName, version);
    }
}
