package vn.ntm.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.postgresql.copy.CopyManager;
import org.postgresql.jdbc.PgConnection;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** What the same PostgreSQL and the same broker do with no service in between. */
final class RawLimits {
    record Result(double jdbcRowsPerSecond, double copyRowsPerSecond, double unnestRowsPerSecond,
                  double kafkaProducedPerSecond, double kafkaConsumedPerSecond) {
        /** The best of the ways of inserting the same rows: what the database really can take. */
        double bestInsertRowsPerSecond() {
            return Math.max(Math.max(jdbcRowsPerSecond, copyRowsPerSecond), unnestRowsPerSecond);
        }

        String bestInsertName() {
            double best = bestInsertRowsPerSecond();
            return best == copyRowsPerSecond ? "COPY" : best == unnestRowsPerSecond ? "INSERT … unnest"
                    : "batched JDBC";
        }
    }

    static Result measure(String taskJdbcUrl, String password, String bootstrap, int rows) throws Exception {
        double jdbc = jdbcInserts(taskJdbcUrl, password, rows);
        double copy = copyInserts(taskJdbcUrl, password, rows);
        double unnest = unnestInserts(taskJdbcUrl, password, rows);
        double[] kafka = kafka(bootstrap, rows);
        return new Result(jdbc, copy, unnest, kafka[0], kafka[1]);
    }

    private static final String COLUMNS = "id, inspection_id, rule_code, commune_code, commune_name, criterion,"
            + " criterion_name, assignee_type, assignee_code, assignee_name, title, due_date, status, version,"
            + " created_at, updated_at";

    /** The i-th task-shaped row, in {@link #COLUMNS} order (400 rows per inspection, as a large one yields). */
    private static Object[] row(int i, UUID inspection, Timestamp now) {
        return new Object[] {UUID.randomUUID(), inspection, "NOT_MET_COMMUNE", "B" + (i % 400),
            "Xã Thượng Cường " + i, i % 19 + 1, "Môi trường và an toàn thực phẩm", "UBND_XA", "B" + i,
            "UBND xã Thượng Cường", "Hoàn thành tiêu chí số 17 (Môi trường và an toàn thực phẩm) tại xã " + i,
            Date.valueOf(LocalDate.of(2026, 12, 31)), "OPEN", 0L, now, now};
    }

    /** A fresh copy of the task table: same columns, constraints and indexes. */
    private static void createTable(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("drop table if exists bench_raw_task");
            st.execute("create table bench_raw_task (like task including all)");
        }
    }

    private static void dropTable(Connection c) throws Exception {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("drop table bench_raw_task");
        }
    }

    /** Batched inserts of task-shaped rows into a copy of the task table (same columns, constraints, indexes). */
    static double jdbcInserts(String taskJdbcUrl, String password, int rows) throws Exception {
        try (Connection c = DriverManager.getConnection(taskJdbcUrl + "?reWriteBatchedInserts=true", "ntm", password)) {
            createTable(c);
            c.setAutoCommit(false);
            String sql = "insert into bench_raw_task (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
            long t0 = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                UUID inspection = UUID.randomUUID();
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < rows; i++) {
                    if (i % 400 == 0) {
                        inspection = UUID.randomUUID();
                    }
                    Object[] values = row(i, inspection, now);
                    for (int k = 0; k < values.length; k++) {
                        insert.setObject(k + 1, values[k]);
                    }
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            dropTable(c);
            return rows / seconds;
        }
    }

    /**
     * The same rows into the same table shape with PostgreSQL's {@code COPY … FROM STDIN} (text format, through the
     * driver's CopyManager), committed every 10,000 rows.
     */
    static double copyInserts(String taskJdbcUrl, String password, int rows) throws Exception {
        try (Connection c = DriverManager.getConnection(taskJdbcUrl, "ntm", password)) {
            createTable(c);
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PgConnection.class).getCopyAPI();
            long t0 = System.nanoTime();
            UUID inspection = UUID.randomUUID();
            Timestamp now = Timestamp.from(Instant.now());
            StringBuilder chunk = new StringBuilder(4 << 20);
            for (int i = 0; i < rows; i++) {
                if (i % 400 == 0) {
                    inspection = UUID.randomUUID();
                }
                Object[] values = row(i, inspection, now);
                for (int k = 0; k < values.length; k++) {
                    if (k > 0) {
                        chunk.append('\t');
                    }
                    // none of these values holds a tab, newline or backslash: no escaping needed in text format
                    chunk.append(values[k] instanceof Timestamp t ? t.toInstant().toString() : values[k]);
                }
                chunk.append('\n');
                if (i % 10_000 == 9_999 || i == rows - 1) {
                    copy.copyIn("copy bench_raw_task (" + COLUMNS + ") from stdin", new StringReader(chunk.toString()));
                    c.commit();
                    chunk.setLength(0);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            dropTable(c);
            return rows / seconds;
        }
    }

    /**
     * The same rows as task-service's consumer writes them: {@code INSERT … SELECT FROM unnest(arrays) ON CONFLICT DO
     * NOTHING}, one statement and one commit per 4,000 rows (a batch of 100 inspection events of about 40 tasks).
     * Unlike {@code COPY}, it skips rows whose natural key exists, which exactly-once creation needs.
     */
    static double unnestInserts(String taskJdbcUrl, String password, int rows) throws Exception {
        try (Connection c = DriverManager.getConnection(taskJdbcUrl, "ntm", password)) {
            createTable(c);
            c.setAutoCommit(false);
            String[] types = {"uuid", "uuid", "text", "text", "text", "int4", "text", "text", "text", "text", "text",
                "date", "text", "int8", "timestamptz", "timestamptz"};
            StringBuilder sql = new StringBuilder("insert into bench_raw_task (" + COLUMNS + ") select * from unnest(");
            for (int k = 0; k < types.length; k++) {
                sql.append(k == 0 ? "" : ", ").append("?::").append(types[k]).append("[]");
            }
            sql.append(") on conflict do nothing");
            long t0 = System.nanoTime();
            UUID inspection = UUID.randomUUID();
            Timestamp now = Timestamp.from(Instant.now());
            int chunk = 4_000;
            try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
                for (int from = 0; from < rows; from += chunk) {
                    int n = Math.min(chunk, rows - from);
                    Object[][] columns = new Object[types.length][n];
                    for (int i = 0; i < n; i++) {
                        if ((from + i) % 400 == 0) {
                            inspection = UUID.randomUUID();
                        }
                        Object[] values = row(from + i, inspection, now);
                        for (int k = 0; k < values.length; k++) {
                            columns[k][i] = values[k] instanceof Timestamp t ? t.toInstant().toString() : values[k];
                        }
                    }
                    for (int k = 0; k < types.length; k++) {
                        insert.setArray(k + 1, c.createArrayOf(types[k], columns[k]));
                    }
                    insert.executeUpdate();
                    c.commit();
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            dropTable(c);
            return rows / seconds;
        }
    }

    /** Events per second produced (acks=all) and consumed through the same broker with plain clients. */
    static double[] kafka(String bootstrap, int events) throws Exception {
        String topic = "bench-raw-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        String payload = "{\"schemaVersion\":1,\"taskId\":\"" + UUID.randomUUID() + "\",\"title\":\""
                + "Hoàn thành tiêu chí số 17 (Môi trường và an toàn thực phẩm) tại xã Thượng Cường".repeat(4) + "\"}";
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 2), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < events; i++) {
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), payload));
            }
            producer.flush();
        }
        double produced = events / ((System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        int consumed = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (consumed < events && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                consumed += records.count();
            }
            consumer.commitSync();
        }
        double consumedPerSecond = consumed / ((System.nanoTime() - t1) / 1e9);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
        return new double[] {produced, consumedPerSecond};
    }

    private RawLimits() {
    }
}
