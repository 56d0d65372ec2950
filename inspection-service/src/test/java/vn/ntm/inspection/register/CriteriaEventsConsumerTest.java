package vn.ntm.inspection.register;

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
 * The local catalog copy: fed by criteria-events, applied once per event id, poison records dead-lettered. No
 * criteria-service runs in the tests, so every check here also proves known sets are read while it is down.
 */
@QuarkusTest
class CriteriaEventsConsumerTest {

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
}
