package vn.ntm.task.messaging;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ntm.contracts.CloudEventHeaders;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Relays committed outbox rows to Kafka in commit order. One relay at a time across instances (an advisory lock),
 * so events of one key keep their order. When the broker is down the rows stay pending and the relay backs off
 * exponentially; the backlog drains when the broker returns. Delivery is at least once: consumers deduplicate by
 * event id. A commit that wrote events wakes the relay at once; otherwise it polls every
 * {@code ntm.outbox.poll-interval} (other instances' commits, retries).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final long RELAY_LOCK = 0x4e544d_0003L;
    private static final String SOURCE = "/ntm/task-service";

    private final AgroalDataSource dataSource;
    private final String bootstrapServers;
    private final int batchSize;
    private final Duration pollInterval;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private final Counter published;
    private final Counter failures;
    private KafkaProducer<String, String> producer;
    private int failuresInARow;
    private long retryAtNanos;

    public OutboxRelay(AgroalDataSource dataSource, MeterRegistry registry,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "ntm.outbox.batch-size", defaultValue = "200") int batchSize,
                       @ConfigProperty(name = "ntm.outbox.poll-interval", defaultValue = "500ms") Duration pollInterval) {
        this.dataSource = dataSource;
        this.pollInterval = pollInterval;
        this.bootstrapServers = bootstrapServers;
        this.batchSize = batchSize;
        this.published = registry.counter("ntm.outbox.published");
        this.failures = registry.counter("ntm.outbox.failures");
        Gauge.builder("ntm.outbox.pending", this, OutboxRelay::pending)
                .description("events committed but not yet on Kafka").register(registry);
        Gauge.builder("ntm.outbox.lag.seconds", this, OutboxRelay::lagSeconds)
                .description("age of the oldest event not yet on Kafka").register(registry);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Called after a commit that wrote events. */
    public void wakeUp() {
        wakeUp.release();
    }

    private void loop() {
        while (running) {
            try {
                wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                if (running) {
                    relay();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void relay() {
        if (System.nanoTime() < retryAtNanos) {
            return;
        }
        try {
            while (running && relayBatch() == batchSize) {
                // a full batch: more may be waiting
            }
            failuresInARow = 0;
        } catch (Exception e) {
            if (!running) {
                return;
            }
            failures.increment();
            failuresInARow++;
            long backoffMillis = Math.min(30_000L, 250L << Math.min(failuresInARow, 7));
            retryAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMillis);
            Log.warnf("outbox relay failed %d time(s) in a row, retrying in %d ms: %s", failuresInARow,
                    backoffMillis, e.getMessage());
        }
    }

    private int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!tryLock(c)) {
                    return 0;
                }
                List<Long> ids = new ArrayList<>();
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement("select id, event_id, topic, event_key,"
                        + " event_type, payload, occurred_at from outbox_event where published_at is null"
                        + " order by id limit ?")) {
                    select.setInt(1, batchSize);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong("id"));
                            sends.add(producer().send(record(rs)));
                        }
                    }
                }
                for (Future<RecordMetadata> send : sends) {
                    send.get(30, TimeUnit.SECONDS);
                }
                if (!ids.isEmpty()) {
                    try (PreparedStatement update = c.prepareStatement(
                            "update outbox_event set published_at = now() where id = any(?)")) {
                        update.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                        update.executeUpdate();
                    }
                    published.increment(ids.size());
                }
                return ids.size();
            }
        });
    }

    private static ProducerRecord<String, String> record(ResultSet rs) throws SQLException {
        ProducerRecord<String, String> record = new ProducerRecord<>(rs.getString("topic"),
                rs.getString("event_key"), rs.getString("payload"));
        Map<String, String> headers = CloudEventHeaders.of(rs.getString("event_id"), rs.getString("event_type"),
                SOURCE, rs.getTimestamp("occurred_at").toInstant(), rs.getString("event_key"));
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 2,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                    ProducerConfig.CLIENT_ID_CONFIG, "task-service-outbox"),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    double pending() {
        return queryDouble("select count(*) from outbox_event where published_at is null");
    }

    double lagSeconds() {
        return queryDouble("select coalesce(extract(epoch from now() - min(occurred_at)), 0)"
                + " from outbox_event where published_at is null");
    }

    private double queryDouble(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getDouble(1) : 0;
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    @Scheduled(every = "1h", delayed = "1m")
    void purgePublished() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                    "delete from outbox_event where published_at < now() - interval '7 days'")) {
                delete.executeUpdate();
            } catch (SQLException e) {
                Log.warnf("purging published outbox events failed: %s", e.getMessage());
            }
        });
    }

    /** Stops before the datasource closes, so a shutdown never interrupts a batch half-way. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (worker != null) {
            // no interrupt: it would close the connection of a batch in flight; the loop ends after it
            worker.join(10_000);
        }
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
        }
    }
}
