package vn.ntm.task.intake;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.task.Fixtures;
import vn.ntm.testinfra.Management;
import vn.ntm.testinfra.RefusingTable;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The age of the oldest record the consumer has not finished is a metric per channel, and the consumers' check of
 * the dependencies group turns DOWN while it is above {@code ntm.inspection-events.max-unprocessed-age} (3 s in the
 * test configuration), then UP again once it is done; readiness stays UP meanwhile (the API answers).
 */
@QuarkusTest
class ConsumerProgressTest {
    private static final String DEPENDENCIES = "/q/health/group/dependencies";
    private static final Pattern AGE = Pattern.compile(
            "ntm_messaging_oldest_unprocessed_age_seconds\\{channel=\"inspection-events\"[^}]*} ([0-9.Ee+-]+)");

    @Inject
    AgroalDataSource db;

    private static double age() {
        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = AGE.matcher(metrics);
        assertThat(m.find()).as("gauge in %s", metrics.length()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static String consumersCheck() {
        JsonPath health = Management.given().get(DEPENDENCIES).then().extract().jsonPath();
        return health.getString("checks.find { it.name == \"Kafka consumers' progress\" }.status");
    }

    @Test
    void aRecordStuckLongerThanTheLimitTurnsTheConsumersCheckDownUntilItIsProcessed() {
        UUID inspectionId = UUID.randomUUID();
        try (RefusingTable refusing = new RefusingTable(db, "processed_event", "subject", inspectionId.toString(),
                "53300")) {
            Fixtures.publishSeed(inspectionId);
            await().atMost(Duration.ofSeconds(60)).until(() -> refusing.refusals() >= 1);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        assertThat(age()).isGreaterThan(3.0);
                        assertThat(consumersCheck()).isEqualTo("DOWN");
                        Management.given().get(DEPENDENCIES).then().statusCode(503);
                        Management.given().get("/q/health/ready").then().statusCode(200);
                    });
        }
        Fixtures.awaitTasks(inspectionId, Fixtures.SEED_TASK_COUNT);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(age()).isLessThan(3.0);
            assertThat(consumersCheck()).isEqualTo("UP");
        });
    }
}
