package vn.ntm.platform.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.platform.messaging.KafkaClientConfig;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Relays committed outbox rows to Kafka in id order. One relay at a time across instances (an advisory lock held
 * for the batch). Each row is marked published as soon as its own send is acknowledged, whatever happens to the
 * other rows of the batch, so an acknowledged row is never sent again by the relay.
 * <p>
 * A row the broker can never accept (too large, invalid topic, unreadable) is parked at once, and so is a row
 * whose send failed {@code ntm.outbox.max-attempts} times while the broker was reachable; the rows behind it go
 * on. While the broker is unreachable nothing counts as an attempt: the relay backs off exponentially and the
 * backlog drains when the broker returns. The same holds while the broker refuses the relay (credentials, TLS,
 * permissions) or its client cannot be built from the configuration, which is logged as an error on every attempt.
 * A row retried after a failure may reach Kafka after rows written later with the same key; consumers deduplicate
 * by event id.
 * <p>
 * The producer and the admin client take every setting of the service's shared Kafka configuration (Quarkus'
 * {@code default-kafka-broker} map: {@code kafka.*} and {@code KAFKA_*}, security included) that they know,
 * under the relay's own delivery settings.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final OutboxRows rows;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final ObjectMapper json;
    private final Counter published;
    private final Counter failures;
    private final Counter parked;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;
    private Admin admin;
    private int failuresInARow;
    private long retryAtNanos;

    public OutboxRelay(AgroalDataSource dataSource, OutboxRows rows, OutboxConfig config,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, ObjectMapper json,
                       MeterRegistry registry) {
        this.dataSource = dataSource;
        this.rows = rows;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.json = json;
        this.published = Counter.builder("ntm.outbox.published").description("events acknowledged by Kafka")
                .register(registry);
        this.failures = Counter.builder("ntm.outbox.failures").description("failed sends of outbox events")
                .register(registry);
        this.parked = Counter.builder("ntm.outbox.parked.events")
                .description("events the relay gave up on (see /admin/outbox/parked)").register(registry);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Called after a commit that wrote events, and after a parked row was made pending again. */
    public void wakeUp() {
        wakeUp.release();
    }

    private void loop() {
        while (running) {
            try {
                wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
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

    /** The outcome of one batch; {@code refusal}: why the broker refused the relay itself, else null. */
    private record Batch(int size, int failed, boolean brokerUnreachable, String error, String refusal) {
    }

    void relay() {
        if (System.nanoTime() < retryAtNanos) {
            return;
        }
        try {
            Batch batch;
            do {
                batch = relayBatch();
            } while (running && batch.size() == config.batchSize() && batch.failed() == 0);
            if (batch.refusal() != null) {
                // a producer refused once does not recover when the broker lets it in later (its producer id
                // request is lost): the next attempt starts with a new one
                resetProducer();
                backOff(batch.refusal(), true);
            } else if (batch.brokerUnreachable()) {
                backOff(batch.error(), false);
            } else {
                failuresInARow = 0;
            }
        } catch (Exception e) {
            if (running) {
                backOff(SendFailures.describe(e), SendFailures.isClientRefused(e));
            }
        }
    }

    private void backOff(String reason, boolean refused) {
        failuresInARow++;
        long backoffMillis = Math.min(config.backoffMax().toMillis(), 250L << Math.min(failuresInARow, 10));
        retryAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMillis);
        if (refused) {
            Log.errorf("Kafka refused the outbox relay, or its client could not be built: %s. Events stay pending"
                    + " until the Kafka security settings (kafka.* / KAFKA_*: security.protocol, sasl.*, ssl.*)"
                    + " or the broker's users and ACLs are fixed; %d failure(s) in a row, retrying in %d ms",
                    reason, failuresInARow, backoffMillis);
        } else {
            Log.warnf("outbox relay failed %d time(s) in a row, retrying in %d ms: %s", failuresInARow,
                    backoffMillis, reason);
        }
    }

    private Batch relayBatch() {
        int timeoutSeconds = (int) Math.max(60, 4 * config.sendTimeout().toSeconds());
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!rows.tryLock(c, config.lockId())) {
                    return new Batch(0, 0, false, null, null);
                }
                List<OutboxRows.Pending> batch = rows.pending(c, config.batchSize());
                List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
                Map<String, Throwable> unavailableTopics = new HashMap<>();
                Throwable clientRefused = null;
                for (OutboxRows.Pending row : batch) {
                    Throwable unavailable = clientRefused != null ? clientRefused : unavailableTopics.get(row.topic());
                    Future<RecordMetadata> send = unavailable != null ? CompletableFuture.failedFuture(unavailable)
                            : send(row);
                    Throwable failedAtOnce = unavailable == null && send.isDone()
                            ? outcome(send, System.nanoTime()) : null;
                    if (failedAtOnce instanceof org.apache.kafka.common.errors.TimeoutException
                            || failedAtOnce != null && SendFailures.isTopicRefused(failedAtOnce)) {
                        // the producer waited max.block.ms for the topic's metadata, or may not write to the
                        // topic: don't wait or ask again per row
                        unavailableTopics.put(row.topic(), failedAtOnce);
                    } else if (failedAtOnce != null && SendFailures.isClientRefused(failedAtOnce)) {
                        // the broker refuses the client (or it cannot be built): the other rows would fare no better
                        clientRefused = failedAtOnce;
                    }
                    sends.add(send);
                }
                List<Long> acknowledged = new ArrayList<>();
                List<Integer> failedIndexes = new ArrayList<>();
                List<Throwable> failedCauses = new ArrayList<>();
                long deadline = System.nanoTime() + config.sendTimeout().plusSeconds(5).toNanos();
                for (int i = 0; i < sends.size(); i++) {
                    Throwable failure = outcome(sends.get(i), deadline);
                    if (failure == null) {
                        acknowledged.add(batch.get(i).id());
                    } else {
                        failedIndexes.add(i);
                        failedCauses.add(failure);
                    }
                }
                rows.markPublished(c, acknowledged);
                published.increment(acknowledged.size());
                if (failedIndexes.isEmpty()) {
                    return new Batch(batch.size(), 0, false, null, null);
                }
                failures.increment(failedIndexes.size());
                String refusal = failedCauses.stream().filter(SendFailures::isClientRefused).findFirst()
                        .map(SendFailures::describe).orElse(null);
                boolean anyTransient = failedCauses.stream()
                        .anyMatch(f -> !SendFailures.isPermanent(f) && !SendFailures.isClientRefused(f));
                boolean brokerReachable = !acknowledged.isEmpty() || (anyTransient && brokerReachable());
                String lastError = null;
                for (int k = 0; k < failedIndexes.size(); k++) {
                    OutboxRows.Pending row = batch.get(failedIndexes.get(k));
                    Throwable cause = failedCauses.get(k);
                    lastError = SendFailures.describe(cause);
                    boolean nowParked;
                    if (SendFailures.isPermanent(cause)) {
                        rows.park(c, row.id(), lastError);
                        nowParked = true;
                    } else {
                        // a refused client is no row's fault: it never counts as an attempt
                        nowParked = rows.recordFailure(c, row.id(), lastError,
                                brokerReachable && !SendFailures.isClientRefused(cause), config.maxAttempts());
                    }
                    if (nowParked) {
                        parked.increment();
                        Log.errorf("outbox event %s (%s on %s, key %s) parked, the rows behind it go on: %s",
                                row.eventId(), row.type(), row.topic(), row.key(), lastError);
                    }
                }
                return new Batch(batch.size(), failedIndexes.size(), anyTransient && !brokerReachable, lastError,
                        refusal);
            }
        });
    }

    /** Null when the send was acknowledged, else why it failed. */
    private static Throwable outcome(Future<RecordMetadata> send, long deadlineNanos) {
        try {
            send.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private Future<RecordMetadata> send(OutboxRows.Pending row) {
        try {
            return producer().send(record(row));
        } catch (IllegalStateException closedOrFatal) {
            resetProducer();
            return CompletableFuture.failedFuture(closedOrFatal);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private ProducerRecord<String, String> record(OutboxRows.Pending row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        CloudEventHeaders.of(row.eventId(), row.type(), config.source(), row.occurredAt(), row.key())
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        if (row.headers() != null) {
            Map<String, String> extra;
            try {
                extra = json.readValue(row.headers(), HEADERS);
            } catch (Exception e) {
                throw new SendFailures.UnreadableRow("headers are not a JSON object of strings: " + e.getMessage(),
                        e);
            }
            extra.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    /** Asks the cluster who its brokers are: tells an outage from a failure of one record. */
    private boolean brokerReachable() {
        try {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> settings = KafkaClientConfig.admin(kafkaConfig);
                    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
                    settings.put(AdminClientConfig.CLIENT_ID_CONFIG, config.clientId() + "-probe");
                    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
                    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
                    admin = Admin.create(settings);
                }
            }
            int probeMillis = (int) config.probeTimeout().toMillis();
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(probeMillis)).nodes()
                    .get(probeMillis + 1_000L, TimeUnit.MILLISECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            int sendTimeout = (int) config.sendTimeout().toMillis();
            // the shared settings (security among them), under the relay's own delivery guarantees
            Map<String, Object> settings = KafkaClientConfig.producer(kafkaConfig);
            settings.putAll(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 2,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(5_000, sendTimeout),
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1_000, Math.min(5_000, sendTimeout / 2)),
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, sendTimeout,
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, config.maxEventBytes(),
                    ProducerConfig.CLIENT_ID_CONFIG, config.clientId()));
            producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private synchronized void resetProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Scheduled(every = "1h", delayed = "1m")
    void purgePublished() {
        try {
            rows.purgePublishedBefore(config.retention());
        } catch (RuntimeException e) {
            Log.warnf("purging published outbox rows failed: %s", e.getMessage());
        }
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
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
        }
    }
}
