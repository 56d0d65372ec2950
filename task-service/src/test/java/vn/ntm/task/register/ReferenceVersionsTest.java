package vn.ntm.task.register;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.EventTypes;
import vn.ntm.task.RegisterFixture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The copies of criteria-reference apply a snapshot only when it is newer than the one held for its key: the outbox
 * may deliver a retried older snapshot after a newer one, on the real broker into the real database.
 */
@QuarkusTest
class ReferenceVersionsTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void anOlderRegisterSnapshotDeliveredAfterANewerOneChangesNothing() throws Exception {
        UUID newer = UUID.randomUUID();
        UUID older = UUID.randomUUID();
        RegisterFixture.publish("admin-units:97", registerOf97(5, "Xã Hòa Bình Mới"), newer,
                EventTypes.ADMIN_UNITS_CHANGED);
        RegisterFixture.publish("admin-units:97", registerOf97(4, "Xã Hòa Bình Cũ"), older,
                EventTypes.ADMIN_UNITS_CHANGED);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> text("select event_id::text from processed_event where event_id = ?::uuid",
                        older.toString()) != null);

        assertThat(text("select name from admin_unit where code = ?", "97001")).isEqualTo("Xã Hòa Bình Mới");
        assertThat(text("select version || ' ' || event_id from reference_snapshot where snapshot_key = ?",
                "admin-units:97")).isEqualTo("5 " + newer);
    }

    @Test
    void anOlderSetSnapshotDeliveredAfterANewerOneChangesNothing() throws Exception {
        String code = "XA_TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID newer = UUID.randomUUID();
        UUID older = UUID.randomUUID();
        RegisterFixture.publish(code, set(code, 3, "Giao thông"), newer, EventTypes.CRITERIA_SET_PUBLISHED);
        RegisterFixture.publish(code, set(code, 2, "Thủy lợi"), older, EventTypes.CRITERIA_SET_PUBLISHED);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> text("select event_id::text from processed_event where event_id = ?::uuid",
                        older.toString()) != null);

        assertThat(text("select name from catalog_criterion where set_code = ? and number = 1", code))
                .isEqualTo("Giao thông");
        assertThat(text("select version::text from reference_snapshot where snapshot_key = ?", code)).isEqualTo("3");
    }

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

    private static String set(String code, long version, String criterionName) {
        return """
                {"schemaVersion": 1, "code": "%s", "name": "Bộ tiêu chí thử", "level": "COMMUNE", "tier": "NTM",
                 "periodFrom": 2021, "periodTo": 2025, "provinceCode": null, "baseSet": null, "criteria": [
                  {"number": 1, "code": "TC1", "name": "%s", "group": "I", "sectors": ["XD"], "leadSector": "XD",
                   "cooperatingSectors": [], "continues": [], "indicators": []}],
                 "version": %d}
                """.formatted(code, criterionName, version);
    }

    private String text(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, parameter);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
