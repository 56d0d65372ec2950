package vn.ntm.inspection.inspections;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import vn.ntm.localinfra.Postgres;
import vn.ntm.testinfra.TestInfrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code V6__register_dates} dates the unit codes of inspections recorded before it to their {@code inspected_on}. */
class RegisterDatesMigrationTest {

    @Test
    void backfillsEveryRowsRegisterDateFromItsInspection() throws Exception {
        String database = "inspection_v6_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = TestInfrastructure.get().jdbcUrl(database);
        String password = TestInfrastructure.get().databasePassword();
        Flyway.configure().dataSource(url, Postgres.USER, password)
                .locations("classpath:db/outbox", "classpath:db/migration").target("5").load().migrate();
        UUID inspection = UUID.randomUUID();
        UUID commune = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, Postgres.USER, password);
             Statement st = c.createStatement()) {
            st.execute("insert into inspection (id, title, inspected_on, lead_agency, legal_basis, participants,"
                    + " province_code, province_name, district_code, district_name, stated_figures, status,"
                    + " created_at) values ('" + inspection + "', 'Kiểm tra', '2022-07-20', '{}', '[]', '[]', '20',"
                    + " 'Tỉnh Lạng Sơn', '187', 'Huyện Chi Lăng', '{}', 'FINALIZED', now())");
            st.execute("insert into inspection_commune (id, inspection_id, position, code, name, criteria_set,"
                    + " target_tier, target_year) values ('" + commune + "', '" + inspection + "', 0, '06490',"
                    + " 'Xã Thượng Cường', 'XA_NTM_2021_2025', 'NTM', 2022)");
            st.execute("insert into finding (id, commune_id, criterion, result, responsible) values ('"
                    + UUID.randomUUID() + "', '" + commune + "', 17, 'NOT_MET', '[]')");
            st.execute("insert into recommendation (id, inspection_id, position, assignee, commune_code, content,"
                    + " created_at) values ('" + UUID.randomUUID() + "', '" + inspection + "', 0, '{}', '06490',"
                    + " 'Tiếp tục', now())");
        }

        Flyway.configure().dataSource(url, Postgres.USER, password)
                .locations("classpath:db/outbox", "classpath:db/migration").load().migrate();

        try (Connection c = DriverManager.getConnection(url, Postgres.USER, password);
             ResultSet rs = c.createStatement().executeQuery("select (select register_date::text from inspection),"
                     + " (select register_date::text from inspection_commune),"
                     + " (select register_date::text from finding),"
                     + " (select register_date::text from recommendation)")) {
            rs.next();
            for (int column = 1; column <= 4; column++) {
                assertThat(rs.getString(column)).as("column %d", column).isEqualTo("2022-07-20");
            }
        }
    }
}
