package vn.ntm.task.intake;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.task.Fixtures;
import vn.ntm.task.InspectionEvents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Tasks get their province from the event; the V3 backfill gives tasks created before it one too. */
@QuarkusTest
class ProvinceBackfillTest {
    @Inject
    InspectionEventBatch inspections;
    @Inject
    AgroalDataSource dataSource;

    private List<String> provinces(Connection c, UUID inspectionId) throws Exception {
        try (PreparedStatement st = c.prepareStatement("select distinct coalesce(province_code, '?') from task"
                + " where inspection_id = ?")) {
            st.setObject(1, inspectionId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    @Test
    void newTasksTakeTheProvinceOfTheirInspectionAndOldOnesAreBackfilled() throws Exception {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        String migration = Fixtures.resource("/db/migration/V3__task_province.sql");
        String backfill = migration.substring(migration.indexOf("update task"), migration.indexOf(';',
                migration.indexOf("update task")));
        try (Connection c = dataSource.getConnection()) {
            assertThat(provinces(c, inspectionId)).containsExactly("20");
            try (PreparedStatement clear = c.prepareStatement("update task set province_code = null"
                    + " where inspection_id = ?")) {
                clear.setObject(1, inspectionId);
                assertThat(clear.executeUpdate()).isEqualTo(Fixtures.SEED_TASK_COUNT);
            }
            try (PreparedStatement st = c.prepareStatement(backfill)) {
                st.executeUpdate();
            }
            assertThat(provinces(c, inspectionId)).containsExactly("20");
        }
    }
}
