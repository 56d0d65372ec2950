package vn.ntm.task;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.localinfra.Postgres;
import vn.ntm.task.intake.InspectionEventBatch;
import vn.ntm.testinfra.PostgresClient;
import vn.ntm.testinfra.TestInfrastructure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ntm.task.Auth.as;
import static vn.ntm.task.Auth.asAdmin;

/**
 * README "Operations", "Backup and restore": the documented {@code pg_dump -Fc} of the running task database (tasks,
 * history, evidence files in PostgreSQL, the outbox, the register copy, Flyway's history), restored with
 * {@code pg_restore} into a fresh PostgreSQL server as the database's owner (no superuser), holds every row of every
 * table byte for byte. The dump runs in a snapshot this test exported, so the rows it compares are exactly the rows
 * dumped, whatever else the service is doing.
 */
@QuarkusTest
class BackupRestoreTest {
    private static final String DATABASE = "task";

    @Inject
    InspectionEventBatch inspections;

    final String assignee = Auth.org("UBND_XA:06490");

    @Test
    void restoresEveryTaskHistoryEntryAndEvidenceFileByteForByteIntoAFreshPostgres() throws Exception {
        // tasks with evidence files of every byte value, uploaded and read back through the API
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> tasks = List.of(aTask(), aTask());
        for (int i = 0; i < 3; i++) {
            String task = tasks.get(i % tasks.size());
            byte[] content = pdf(1 + 400_000 * i, i);
            Response created = Multipart.file(as(assignee), "Biên bản " + i + ".pdf", content)
                    .post("/tasks/" + task + "/evidence");
            created.then().statusCode(201);
            String id = created.path("id");
            assertThat(as(assignee).when().get("/tasks/" + task + "/evidence/" + id).asByteArray()).isEqualTo(content);
            files.put(id, content);
        }
        Map<String, Integer> histories = new LinkedHashMap<>();
        for (String task : tasks) {
            histories.put(task, asAdmin().when().get("/tasks/" + task + "/history").then().statusCode(200)
                    .extract().jsonPath().getList("").size());
        }

        TestInfrastructure infra = TestInfrastructure.get();
        Map<String, String> password = Map.of("PGPASSWORD", infra.databasePassword());
        Path dump = Files.createTempFile("ntm-task", ".dump");
        Map<String, List<String>> dumped;
        Map<String, Long> sequences;
        PostgresClient client;
        try (Connection source = connect(infra.jdbcUrl(DATABASE))) {
            source.setAutoCommit(false);
            source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            int major = Integer.parseInt(single(source, "select current_setting('server_version_num')")) / 10_000;
            String snapshot = single(source, "select pg_export_snapshot()");
            dumped = rows(source);
            sequences = sequences(source);
            // the README's command, in this test's snapshot
            client = PostgresClient.atLeast(major);
            client.run(password, "pg_dump", "-Fc", "--snapshot=" + snapshot,
                    "-h", "127.0.0.1", "-p", Integer.toString(infra.postgresPort()), "-U", Postgres.USER,
                    "-d", DATABASE, "-f", dump.toString());
            source.commit();
        }
        assertThat(dumped.get("task_evidence")).hasSizeGreaterThanOrEqualTo(files.size());

        try (Postgres fresh = infra.newPostgres()) {
            fresh.ensureDatabase(DATABASE);
            client.run(password, "pg_restore", "--no-owner", "--no-privileges",
                    "--exit-on-error", "--single-transaction", "-h", "127.0.0.1", "-p", Integer.toString(fresh.port()),
                    "-U", Postgres.USER, "-d", DATABASE, dump.toString());
            try (Connection restored = connect(fresh.jdbcUrl(DATABASE))) {
                Map<String, List<String>> restoredRows = rows(restored);
                assertThat(restoredRows.keySet()).as("tables").isEqualTo(dumped.keySet());
                dumped.forEach((table, digests) -> assertThat(restoredRows.get(table)).as("rows of %s", table)
                        .containsExactlyElementsOf(digests));
                sequences(restored).forEach((sequence, value) -> assertThat(value).as(sequence)
                        .isGreaterThanOrEqualTo(sequences.get(sequence)));
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    assertThat(content(restored, file.getKey())).as("evidence %s", file.getKey())
                            .isEqualTo(file.getValue());
                }
                for (Map.Entry<String, Integer> history : histories.entrySet()) {
                    assertThat(count(restored, "select count(*) from task_history where task_id = ?::uuid",
                            history.getKey())).isEqualTo(history.getValue());
                }
            }
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    private String aTask() {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        return asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", "UBND_XA")
                .queryParam("assigneeCode", "06490").queryParam("criterion", 17)
                .when().get("/tasks").then().statusCode(200).extract().path("items[0].id");
    }

    /** A PDF by its magic bytes, then every byte value, then random bytes: {@code size} bytes at least 265. */
    private static byte[] pdf(int size, long seed) {
        byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[Math.max(size, magic.length + 256)];
        new Random(seed).nextBytes(content);
        System.arraycopy(magic, 0, content, 0, magic.length);
        for (int b = 0; b < 256; b++) {
            content[magic.length + b] = (byte) b;
        }
        return content;
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, Postgres.USER, TestInfrastructure.get().databasePassword());
    }

    /**
     * Every table of the schema as the sorted digests of its rows' text (a bytea's text is every byte in hex), and
     * every large object's digest.
     */
    private static Map<String, List<String>> rows(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select c.relname from pg_class c"
                + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, List<String>> out = new TreeMap<>();
        for (String table : tables) {
            out.put(table, strings(c, "select md5(t::text) from public.\"" + table + "\" t"));
        }
        out.put("(large objects)", strings(c, "select oid::text || ' ' || md5(lo_get(oid)) from pg_largeobject_metadata"));
        out.values().forEach(java.util.Collections::sort);
        return out;
    }

    private static Map<String, Long> sequences(Connection c) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select sequencename, coalesce(last_value, 0) from pg_sequences where schemaname = 'public'")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String single(Connection c, String sql) throws SQLException {
        return strings(c, sql).get(0);
    }

    private static byte[] content(Connection c, String evidenceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select content from task_evidence where id = ?::uuid")) {
            ps.setString(1, evidenceId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("evidence %s restored", evidenceId).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    private static int count(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
