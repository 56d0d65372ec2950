package vn.ntm.task;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.task.intake.InspectionEventBatch;
import vn.ntm.testinfra.Management;
import vn.ntm.testinfra.PlatformContractTest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * The operations endpoints every service shares ({@link PlatformContractTest}), and task-service's own: both consumer
 * channels in the dependencies group (never in readiness), the task gauges by province, bearer tokens in Swagger UI.
 */
@QuarkusTest
class PlatformTest extends PlatformContractTest {

    @Inject
    AgroalDataSource db;
    @Inject
    InspectionEventBatch inspections;

    @Test
    void theDependenciesGroupFollowsBothConsumersAndReadinessNeither() {
        Management.given().when().get(DEPENDENCIES).then().statusCode(200)
                .body("checks.find { it.name == \"Kafka consumers' progress\" }.data",
                        hasKey("inspection-events records in progress"))
                .body("checks.find { it.name == \"Kafka consumers' progress\" }.data",
                        hasKey("criteria-events records in progress"));
        Management.given().when().get("/q/health/ready").then().statusCode(200)
                .body(not(containsString("inspection-events")));
    }

    @Test
    void theTaskGaugesCountTheTasksOfEachProvinceByStatus() {
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            String metrics = Management.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(gauge(metrics, "ntm_tasks{province=\"20\",status=\"OPEN\"}"))
                    .isEqualTo(count("select count(*) from task where province_code = '20' and status = 'OPEN'"));
            assertThat(gauge(metrics, "ntm_tasks_overdue{province=\"20\"}"))
                    .isEqualTo(count("select count(*) from task where province_code = '20' and status in"
                            + " ('OPEN', 'IN_PROGRESS', 'RETURNED') and due_date < '"
                            + LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")) + "'"));
            assertThat(gauge(metrics, "ntm_tasks_metrics_age_seconds")).isLessThan(30.0);
            assertThat(metrics).contains("ntm_inspection_events_lag_seconds");
        });
    }

    private static double gauge(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(metrics);
        assertThat(m.find()).as(series + " in /q/metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }

    private double count(String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void swaggerUiOffersBearerTokens() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/tasks'.get.security", org.hamcrest.Matchers.notNullValue());
    }
}
