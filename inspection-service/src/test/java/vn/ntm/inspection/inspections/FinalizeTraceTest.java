package vn.ntm.inspection.inspections;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.Topics;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.Db;
import vn.ntm.inspection.fixtures.Topic;
import vn.ntm.platform.tracing.TraceContext;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The finalize request's trace travels with its event: the outbox row keeps the request's trace context, and the
 * relay, on its own thread, sends it as the record's {@code traceparent} header.
 */
@QuarkusTest
class FinalizeTraceTest {
    @Inject
    AgroalDataSource db;

    @Test
    void theFinalizedEventCarriesTheTraceOfTheFinalizeRequest() {
        CatalogFixture.ensureSeedSet(db);
        String commune = Api.uniqueCommune();
        String id = Api.json().body(Api.inspectionBody("Trace " + UUID.randomUUID(), commune, "2023-03-03"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        Api.findings(id).body(Api.findingsMeeting(List.of(1, 2))).put("/inspections/" + id + "/communes/" + commune
                + "/findings").then().statusCode(200);
        String traceId = randomHex(32);

        Api.json().header(TraceContext.TRACEPARENT, "00-" + traceId + "-" + randomHex(16) + "-01")
                .post("/inspections/" + id + "/finalize").then().statusCode(200).body("status", equalTo("FINALIZED"));

        String stored = Db.string(db, "select headers ->> 'traceparent' from outbox_event where event_key = ?", id);
        assertThat(TraceContext.traceId(stored)).contains(traceId);
        List<ConsumerRecord<String, String>> records = Topic.sentWithKey(db, Topics.INSPECTION_EVENTS, id);
        assertThat(records).hasSize(1);
        assertThat(TraceContext.traceId(Topic.header(records.get(0), TraceContext.TRACEPARENT))).contains(traceId);
    }

    @Test
    void aFinalizeWithoutTraceContextStartsATraceOfItsOwn() {
        CatalogFixture.ensureSeedSet(db);
        String commune = Api.uniqueCommune();
        String id = Api.json().body(Api.inspectionBody("Trace " + UUID.randomUUID(), commune, "2023-03-04"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        Api.findings(id).body(Api.findingsMeeting(List.of(1))).put("/inspections/" + id + "/communes/" + commune
                + "/findings").then().statusCode(200);

        Api.json().post("/inspections/" + id + "/finalize").then().statusCode(200);

        String stored = Db.string(db, "select headers ->> 'traceparent' from outbox_event where event_key = ?", id);
        assertThat(TraceContext.traceId(stored)).isPresent();
    }

    private static String randomHex(int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) {
            hex.append(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
        }
        return hex.substring(0, digits);
    }
}
