package vn.ntm.task.register;

import io.quarkus.test.junit.QuarkusTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import vn.ntm.localinfra.Postgres;
import vn.ntm.testinfra.TestInfrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code V15__register_dates} on a database with tasks: a task never moved takes its {@code assignee_as_of} (the
 * inspection's date) as {@code source_as_of}; a task the succession already moved takes the day before its first
 * move (its codes were valid then); a task without any date takes the day it was created.
 */
// it needs no application, but a @QuarkusTest shares the test JVM's PostgreSQL: a plain test class is loaded apart
// from the Quarkus tests and would start a PostgreSQL of its own
@QuarkusTest
class RegisterDatesMigrationTest {

    @Test
    void backfillsTheRegisterDateOfTheCodesTheInspectionNamed() throws Exception {
        String database = "task_v15_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = TestInfrastructure.get().jdbcUrl(database);
        String password = TestInfrastructure.get().databasePassword();
        Flyway.configure().dataSource(url, Postgres.USER, password)
                .locations("classpath:db/outbox", "classpath:db/migration").target("14").load().migrate();

        UUID inspection = UUID.randomUUID();
        UUID unmoved = UUID.randomUUID();
        UUID moved = UUID.randomUUID();
        UUID undated = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, Postgres.USER, password);
             Statement st = c.createStatement()) {
            st.execute(insert(unmoved, inspection, "UBND_XA", "06523", "'2022-07-20'", "2022-08-01 03:00:00+00"));
            st.execute(insert(moved, inspection, "UBND_XA", "06475", "'2025-07-01'", "2022-08-01 03:00:00+00"));
            st.execute(insert(undated, inspection, "SO_NGANH", "20:GTVT", "null", "2023-01-05 20:00:00+00"));
            st.execute("update task set original_assignee_type = 'UBND_XA', original_assignee_code = '06490'"
                    + " where id = '" + moved + "'");
            st.execute("insert into task_succession_move (task_id, effective_on, from_type, from_code, to_type,"
                    + " to_code, rule, moved_at) values ('" + moved + "', '2025-07-01', 'UBND_XA', '06490',"
                    + " 'UBND_XA', '06475', 'SUCCESSOR', now())");
        }

        Flyway.configure().dataSource(url, Postgres.USER, password)
                .locations("classpath:db/outbox", "classpath:db/migration").load().migrate();

        Map<UUID, String> dates = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, Postgres.USER, password);
             ResultSet rs = c.createStatement().executeQuery(
                     "select id, source_as_of || '|' || assignee_as_of from task")) {
            while (rs.next()) {
                dates.put(rs.getObject(1, UUID.class), rs.getString(2));
            }
        }
        assertThat(dates.get(unmoved)).isEqualTo("2022-07-20|2022-07-20");
        assertThat(dates.get(moved)).as("valid on the day before its first move").isEqualTo("2025-06-30|2025-07-01");
        // created 2023-01-05 20:00 UTC = 2023-01-06 in Asia/Ho_Chi_Minh
        assertThat(dates.get(undated)).isEqualTo("2023-01-06|2023-01-06");
    }

    private static String insert(UUID id, UUID inspection, String type, String code, String asOf, String created) {
        return "insert into task (id, inspection_id, rule_code, commune_code, assignee_type, assignee_code, title,"
                + " due_date, status, created_at, updated_at, province_code, assignee_as_of) values ('" + id + "', '"
                + inspection + "', 'NOT_MET_COMMUNE', '06490', '" + type + "', '" + code + "', 'Nhiệm vụ',"
                + " '2022-12-31', 'OPEN', '" + created + "', '" + created + "', '20', " + asOf + ")";
    }
}
