package vn.ntm.criteria.register;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import vn.ntm.contracts.AdminUnitsChanged;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first-start seed copies the bundled files into the tables (COPY) and must leave exactly the rows the import
 * ({@code POST /admin-units/imports}, {@code importAll}) leaves from the same files, and announce the same states.
 * Both paths run on emptied tables inside one transaction that is rolled back, so the service's register stays.
 */
@QuarkusTest
class AdminUnitSeedTest {
    @Inject
    AdminUnitSeeder seeder;
    @Inject
    AdminUnitImportService imports;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    UserTransaction transaction;
    @Inject
    ObjectMapper json;

    @Test
    void copyingTheWholeRegisterLeavesTheRowsAndEventsOfTheImport() {
        Paths paths = bothPaths(Optional.empty());

        assertThat(paths.copied().units()).hasSize(14_134);
        assertThat(paths.copied().successions()).hasSize(10_629);
        paths.assertSame();
        assertThat(paths.copied().events()).hasSize(2 * 63);
    }

    @Test
    void copyingTheProvincesOfATestStackLeavesTheRowsAndEventsOfTheImport() throws Exception {
        Paths paths = bothPaths(Optional.of(Set.of("20", "83", "84", "86")));

        paths.assertSame();
        assertThat(paths.copied().units()).anyMatch(u -> u.startsWith("06490|Xã Thượng Cường|xa thuong cuong|"))
                .allMatch(u -> u.matches("[^|]*\\|[^|]*\\|[^|]*\\|[^|]*\\|[^|]*\\|[^|]*\\|(20|83|84|86)\\|.*"));
        assertThat(paths.copied().successions()).contains("83|86|2025-07-01|" + AdminUnitSeeder.PROVINCE_RESOLUTION);
        assertThat(paths.copied().events()).hasSize(2 * 4);
        // the snapshot's text is the event's with its version added: exactly what serializing it with the version gives
        for (String snapshot : paths.copied().snapshots()) {
            AdminUnitsChanged state = json.readValue(snapshot, AdminUnitsChanged.class);
            assertThat(state.version()).isPositive();
            assertThat(json.writeValueAsString(state)).isEqualTo(snapshot);
        }
    }

    /** The rows of the register tables (ids, times of import left out) and the events of the announcement. */
    record Register(List<String> units, List<String> successions, List<String> imports, List<String> events,
                    List<String> snapshots) {
    }

    record Paths(Register copied, Register imported) {
        void assertSame() {
            assertThat(copied.units()).isNotEmpty().isEqualTo(imported.units());
            assertThat(copied.successions()).isNotEmpty().isEqualTo(imported.successions());
            assertThat(copied.imports()).hasSize(4).isEqualTo(imported.imports());
            assertThat(copied.events()).isEqualTo(imported.events());
        }
    }

    private Paths bothPaths(Optional<Set<String>> provinces) {
        List<AdminUnitImportService.ImportFile> files = AdminUnitSeeder.bundledFiles(provinces);
        List<Register> results = new ArrayList<>();
        try {
            transaction.setTransactionTimeout(600);
            transaction.begin();
            try {
                long outboxBefore = clear();
                long started = System.nanoTime();
                seeder.seed(files);
                long copiedIn = System.nanoTime() - started;
                results.add(read(outboxBefore));
                outboxBefore = clear();
                started = System.nanoTime();
                imports.importAll(files, "seed");
                long importedIn = System.nanoTime() - started;
                results.add(read(outboxBefore));
                Log.infof("register %s: copied and announced in %d ms, imported and announced in %d ms; %s",
                        provinces.map(Object::toString).orElse("whole"), copiedIn / 1_000_000, importedIn / 1_000_000,
                        eventSizes(outboxBefore));
            } finally {
                transaction.rollback();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new Paths(results.get(0), results.get(1));
    }

    /** Empties the register tables; returns the last outbox id, after which the announcement's rows follow. */
    private long clear() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("delete from admin_unit");
            st.executeUpdate("delete from admin_unit_succession");
            st.executeUpdate("delete from admin_unit_import");
            try (ResultSet rs = st.executeQuery("select coalesce(max(id), 0) from outbox_event")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Register read(long outboxBefore) throws SQLException {
        List<String> units = lines("select code, name, name_search, type, level, parent_code, province_code,"
                + " valid_from, valid_to from admin_unit order by code, valid_from");
        List<String> successions = lines("select from_code, to_code, effective_on, legal_basis"
                + " from admin_unit_succession order by from_code, to_code, effective_on");
        List<String> importRows = lines("select kind, register_version, sha256, valid_from, valid_to, rows_read,"
                + " inserted, updated, unchanged, closed, imported_by from admin_unit_import order by id");
        // the snapshot versions differ (the second announcement is the next version of each key): left out
        List<String> events = lines("select topic, event_key, event_type,"
                + " regexp_replace(payload, ',\"version\":[0-9]+}$', '}') from outbox_event where id > "
                + outboxBefore + " and event_type = 'ntm.admin-units.changed' order by topic, event_key");
        List<String> snapshots = lines("select payload from outbox_event where id > " + outboxBefore
                + " and topic = 'criteria-reference' order by event_key");
        return new Register(units, successions, importRows, events, snapshots);
    }

    private String eventSizes(long outboxBefore) throws SQLException {
        return lines("select count(*) || ' events of ' || sum(octet_length(payload)) || ' bytes, the largest '"
                + " || max(octet_length(payload)) || ' bytes' from outbox_event where id > " + outboxBefore).get(0);
    }

    private List<String> lines(String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    line.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }
}
