package vn.ntm.platform.outbox;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ntm.localinfra.Postgres;
import vn.ntm.testinfra.TestInfrastructure;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service database migrated before this module existed ran {@code db/migration/V1__outbox.sql} and its own
 * later migrations; switching to the module's location keeps that history valid and adds the new columns.
 */
class OutboxMigrationTest {

    @Test
    void upgradesADatabaseThatRanTheServicesOwnOutboxMigration(@TempDir Path dir) throws Exception {
        String url = TestInfrastructure.get().jdbcUrl("outbox_upgrade");
        String password = TestInfrastructure.get().databasePassword();
        Path before = Files.createDirectories(dir.resolve("before"));
        Path service = Files.createDirectories(dir.resolve("service"));
        try (InputStream v1 = getClass().getResourceAsStream("/db/outbox/V1__outbox.sql")) {
            Files.copy(v1, before.resolve("V1__outbox.sql"));
        }
        Files.writeString(before.resolve("V2__service.sql"), "create table service_thing (id int primary key);");
        Files.copy(before.resolve("V2__service.sql"), service.resolve("V2__service.sql"));
        Flyway.configure().dataSource(url, Postgres.USER, password).locations("filesystem:" + before)
                .load().migrate();

        Flyway after = Flyway.configure().dataSource(url, Postgres.USER, password)
                .locations("classpath:db/outbox", "filesystem:" + service).outOfOrder(true).load();
        after.migrate();

        assertThat(Arrays.stream(after.info().applied()).map(MigrationInfo::getVersion).map(Object::toString))
                .containsExactlyInAnyOrder("1", "2", "1.1");
        assertThat(columns(url, password)).contains("headers", "parked_at", "attempts", "last_error");
        assertThat(after.validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void createsTheTableInAFreshDatabase() throws Exception {
        String url = TestInfrastructure.get().jdbcUrl("outbox_fresh");
        String password = TestInfrastructure.get().databasePassword();
        Flyway.configure().dataSource(url, Postgres.USER, password).locations("classpath:db/outbox").load().migrate();
        assertThat(columns(url, password)).contains("event_id", "payload", "headers", "parked_at");
    }

    private static List<String> columns(String url, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, Postgres.USER, password);
             ResultSet rs = c.createStatement().executeQuery("select column_name from information_schema.columns"
                     + " where table_name = 'outbox_event'")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

}
