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
import vn.ntm.testinfra.Management;
import vn.ntm.testinfra.TestInfrastructure;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Finalize while the broker is down: it still succeeds, and exactly one event arrives once the broker is back. */
@QuarkusTest
class FinalizeDuringBrokerOutageTest {

    @Inject
    AgroalDataSource db;

    @Test
    void finalizeSucceedsWhileTheBrokerIsDownAndExactlyOneEventArrivesAfterItReturns() {
        CatalogFixture.ensureSeedSet(db);
        String commune = Api.uniqueCommune();
        String id = Api.json().body(Api.inspectionBody("Outage " + UUID.randomUUID(), commune, "2023-03-03"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        Api.findings(id).body(Api.findingsMeeting(List.of(1, 2))).put("/inspections/" + id + "/communes/" + commune
                + "/findings").then().statusCode(200);

        TestInfrastructure infra = TestInfrastructure.get();
        infra.stopKafka();
        try {
            Api.json().post("/inspections/" + id + "/finalize").then().statusCode(200)
                    .body("status", equalTo("FINALIZED"));
            assertThat(Db.count(db, "select count(*) from outbox_event where event_key = ? and published_at is null",
                    id)).isEqualTo(1);
            // the gauges reuse figures up to ntm.outbox.health.stats-max-age (1 s) old: a health probe of the class
            // before may have read them just before the finalize
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
                assertThat(gauge(metrics, "ntm_outbox_pending")).isGreaterThanOrEqualTo(1.0);
                assertThat(metrics).contains("ntm_outbox_lag_seconds");
            });
        } finally {
            infra.startKafka();
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                Db.count(db, "select count(*) from outbox_event where event_key = ? and published_at is not null",
                        id) == 1);
        List<ConsumerRecord<String, String>> records = Topic.sentWithKey(db, Topics.INSPECTION_EVENTS, id);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value()).contains("\"inspectionId\":\"" + id + "\"");
    }

    private static double gauge(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(metrics);
        assertThat(m.find()).as(name + " exposed").isTrue();
        return Double.parseDouble(m.group(2));
    }
}
