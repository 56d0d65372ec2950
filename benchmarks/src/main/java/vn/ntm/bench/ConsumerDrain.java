package vn.ntm.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * task-service's consumer alone: {@code events} copies of the golden {@code ntm.inspection.finalized} event (each
 * with its own inspection and event id) published at once, timed until task-service has recorded every one in
 * {@code processed_event}. A backlog drained in batches, beside what a plain consumer reads.
 */
final class ConsumerDrain {
    record Result(int events, double seconds, double eventsPerSecond) {
    }

    static Result measure(String bootstrap, String taskJdbcUrl, String password, int events) throws Exception {
        String golden;
        try (InputStream in = ConsumerDrain.class.getResourceAsStream("/contracts/golden/inspection-finalized.json")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = DriverManager.getConnection(taskJdbcUrl, "ntm", password)) {
            long before = processed(c);
            System.out.println(Instant.now() + " phase: drain of " + events + " events");
            long t0 = System.nanoTime();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer())) {
                List<Future<RecordMetadata>> sends = new ArrayList<>(events);
                for (int i = 0; i < events; i++) {
                    String inspection = UUID.randomUUID().toString();
                    String value = golden.replaceFirst("\"inspectionId\"\\s*:\\s*\"[^\"]*\"",
                            "\"inspectionId\": \"" + inspection + "\"");
                    ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INSPECTION_EVENTS, inspection,
                            value);
                    CloudEventHeaders.of(UUID.randomUUID().toString(), EventTypes.INSPECTION_FINALIZED,
                            "/ntm/inspection-service", Instant.now(), null)
                            .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                    sends.add(producer.send(record));
                }
                for (Future<RecordMetadata> send : sends) {
                    send.get(60, TimeUnit.SECONDS);
                }
            }
            long deadline = t0 + TimeUnit.MINUTES.toNanos(20);
            while (processed(c) - before < events) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("task-service did not drain " + events + " events in 20 minutes");
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.println(Instant.now() + " phase: drained");
            return new Result(events, seconds, events / seconds);
        }
    }

    private static long processed(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from processed_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private ConsumerDrain() {
    }
}
