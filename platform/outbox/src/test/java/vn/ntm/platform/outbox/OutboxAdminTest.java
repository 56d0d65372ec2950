package vn.ntm.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.testinfra.Management;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class OutboxAdminTest {
    /** The health group operators alert on: the outbox's check is there, not in readiness. */
    private static final String DEPENDENCIES = "/q/health/group/dependencies";

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource db;

    @BeforeEach
    @AfterEach
    void forgetUnsentRows() {
        OutboxTable.execute(db, "delete from outbox_event where published_at is null");
    }

    @Test
    @TestSecurity(user = "operator", roles = "admin")
    void retryingAnEventThatIsNotParkedAnswers404Problem() {
        String topic = TopicRecords.newTopic("outbox-sent");
        UUID eventId = append(OutboxRelayTest.event(topic, "sent", 10));
        await().atMost(Duration.ofSeconds(30)).until(() -> OutboxTable.row(db, eventId).published());
        long id = OutboxTable.row(db, eventId).id();

        for (String path : List.of(Long.toString(id), "999999999999", "abc", "99999999999999999999999")) {
            given().post("/admin/outbox/parked/" + path + "/retry").then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://ntm.gov.vn/problems/not-found"))
                    .body("code", equalTo("NOT_FOUND"))
                    .body("status", equalTo(404))
                    .body("title", equalTo("Không tìm thấy"))
                    .body("detail", equalTo("Không có sự kiện outbox bị giữ lại nào mang id này."))
                    .body("instance", equalTo("/admin/outbox/parked/" + path + "/retry"));
            given().header("Accept-Language", "en").post("/admin/outbox/parked/" + path + "/retry").then()
                    .statusCode(404).body("code", equalTo("NOT_FOUND")).body("title", equalTo("Not Found"))
                    .body("detail", equalTo("No parked outbox event has this id."));
        }
        assertThat(TopicRecords.eventIds(topic)).containsExactly(eventId);
    }

    @Test
    @TestSecurity(user = "someone", roles = "viewer")
    void onlyAdminsSeeOrRetryParkedEvents() {
        given().get("/admin/outbox/parked").then().statusCode(403);
        given().post("/admin/outbox/parked/1/retry").then().statusCode(403);
    }

    @Test
    void theDependenciesCheckAndMetricsReportParkedEventsWhileReadinessStaysUp() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Management.given().get(DEPENDENCIES).then().statusCode(200)
                    .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"));
            assertThat(gauge("ntm_outbox_parked")).isZero();
        });

        UUID eventId = append(OutboxRelayTest.event(TopicRecords.newTopic("outbox-health"), "big",
                OutboxRelayTest.TOO_LARGE));
        await().atMost(Duration.ofSeconds(60)).until(() -> OutboxTable.row(db, eventId).parked());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Management.given().get(DEPENDENCIES).then().statusCode(503)
                    .body("checks.find { it.name == 'outbox' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'outbox' }.data.parked", equalTo(1));
            assertThat(gauge("ntm_outbox_parked")).isEqualTo(1.0);
            assertThat(gauge("ntm_outbox_parked_events_total")).isGreaterThanOrEqualTo(1.0);
        });
        // a parked row is for an operator to look at; the instance still serves requests
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", not(hasItem("outbox")));

        OutboxTable.execute(db, "delete from outbox_event where event_id = '" + eventId + "'");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                Management.given().get(DEPENDENCIES).then().statusCode(200));
    }

    @Test
    void theCheckAnswersWhileTheOutboxTableIsLockedWithTheFiguresLastRead() throws Exception {
        Management.given().get(DEPENDENCIES).then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"));
        try (Connection locker = db.getConnection()) {
            locker.setAutoCommit(false);
            locker.createStatement().execute("lock table outbox_event in access exclusive mode");
            // past ntm.outbox.health.stats-max-age (100 ms here): the figures read above are stale, the check queries
            Thread.sleep(150);
            // without the statement timeout and the bounded wait this request would hang until the lock is released
            Management.given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                            .setParam("http.socket.timeout", 20_000)))
                    .get(DEPENDENCIES).then().statusCode(200)
                    .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'outbox' }.data.parked", equalTo(0));
            locker.rollback();
        }
    }

    private UUID append(OutboxEvent event) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.append(event));
    }

    private static double gauge(String name) {
        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$").matcher(metrics);
        assertThat(m.find()).as(name + " exposed").isTrue();
        return Double.parseDouble(m.group(2));
    }
}
