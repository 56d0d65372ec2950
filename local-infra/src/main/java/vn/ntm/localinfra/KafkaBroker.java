package vn.ntm.localinfra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

/**
 * A single-node KRaft Apache Kafka broker in its own JVM, started from this module's runtime classpath. The log
 * directory survives restarts; the child JVM exits on its own when the JVM that started it dies. Its PLAINTEXT
 * listener serves the inter-broker traffic, the readiness check and administration; {@link #withSaslSslListener}
 * adds a listener that only lets in clients with a SCRAM-SHA-512 user over TLS with a client certificate.
 */
public final class KafkaBroker implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private static final Duration GRACE = Duration.ofSeconds(15);
    private Duration sessionTimeout;

    private ChildJvm process;
    private List<String> jvmOptions = List.of();
    private int saslSslPort;
    private TlsStores tls;

    public KafkaBroker(Path dataDir, int port, int controllerPort, Path logFile) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile;
    }

    /**
     * How long the controller waits for a killed broker's heartbeats before it accepts the restarted broker's
     * registration (Kafka's {@code broker.session.timeout.ms}, 9 s by default): a restart after {@link #kill()} waits
     * that long. Test brokers, restarted by fault tests, set a few seconds; a broker frozen longer than this is fenced.
     */
    public KafkaBroker withSessionTimeout(Duration timeout) {
        this.sessionTimeout = timeout;
        return this;
    }

    /**
     * Extra options for the broker's JVM, e.g. {@code -XX:TieredStopAtLevel=1} for a broker that lives only as long
     * as a test run (its start then costs less CPU; a long-lived broker keeps the full JIT).
     */
    public KafkaBroker withJvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    /**
     * Adds a SASL_SSL listener on {@code port}: SCRAM-SHA-512 users ({@link #upsertScramUser}) over TLS with the
     * broker key of {@code tls}, and a client certificate the trust store of {@code tls} trusts.
     */
    public KafkaBroker withSaslSslListener(int port, TlsStores tls) {
        this.saslSslPort = port;
        this.tls = tls;
        return this;
    }

    /** The PLAINTEXT listener: no authentication, no encryption. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The SASL_SSL listener added by {@link #withSaslSslListener}. */
    public String saslSslBootstrapServers() {
        if (tls == null) {
            throw new IllegalStateException("this broker has no SASL_SSL listener");
        }
        return "127.0.0.1:" + saslSslPort;
    }

    /** Creates the SCRAM-SHA-512 user, or gives it a new password (through the PLAINTEXT listener). */
    public void upsertScramUser(String user, String password) {
        try (Admin admin = admin(bootstrapServers())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not store the SCRAM credentials of " + user, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("storing the SCRAM credentials of " + user + " timed out", e);
        }
    }

    public synchronized void start(Duration timeout) {
        try {
            Files.createDirectories(dataDir.resolve("logs"));
            Files.createDirectories(logFile.getParent());
            Path config = writeConfig();
            List<String> args = new ArrayList<>(List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC"));
            args.addAll(jvmOptions);
            args.addAll(List.of(KafkaBrokerMain.class.getName(), Long.toString(ProcessHandle.current().pid()),
                    config.toString()));
            if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
                // a new log directory is formatted by the broker's JVM before it starts, not by a JVM of its own
                args.add(clusterId());
            }
            List<String> command = java(args.toArray(String[]::new));
            process = ChildJvm.start("Kafka broker", command, logFile);
            process.awaitReady(timeout, GRACE, this::answers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public void createTopics(Map<String, Integer> partitionsByTopic) {
        createTopics(bootstrapServers(), partitionsByTopic);
    }

    /** Creates the given topics on any broker, idempotently. */
    public static void createTopics(String bootstrapServers, Map<String, Integer> partitionsByTopic) {
        try (Admin admin = admin(bootstrapServers)) {
            List<NewTopic> topics = new ArrayList<>();
            // reference data as state: the latest record per key is kept (vn.ntm.contracts.Topics.compacted())
            partitionsByTopic.forEach((name, partitions) -> topics.add(new NewTopic(name, partitions, (short) 1)
                    .configs(vn.ntm.contracts.Topics.compacted().contains(name)
                            ? Map.of("cleanup.policy", "compact", "retention.ms", "-1") : Map.of())));
            admin.createTopics(topics).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + name, e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("creating topic " + name + " timed out", e);
                }
            });
        }
    }

    /** Stops the broker with SIGTERM (a controlled shutdown), forcibly after the grace period. */
    @Override
    public synchronized void close() {
        if (process != null) {
            process.stop(GRACE);
            process = null;
        }
    }

    /** Kills the broker without a controlled shutdown, as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    /**
     * Freezes the broker's JVM with SIGSTOP, as a stalled host or a long GC pause would: its sockets stay open but
     * nothing answers. {@link #thaw()} resumes it.
     */
    public synchronized void freeze() {
        signal("STOP");
    }

    /** Resumes a broker frozen by {@link #freeze()} (SIGCONT). */
    public synchronized void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("the Kafka broker is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    /** The listener is up before the broker has registered: ready once the cluster answers with its nodes. */
    private boolean answers() {
        if (!Ports.isListening("127.0.0.1", port)) {
            return false;
        }
        try (Admin admin = admin(bootstrapServers())) {
            admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception notYet) {
            return false;
        }
    }

    private Path writeConfig() throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        String secure = tls == null ? "" : ",SASL_SSL://127.0.0.1:" + saslSslPort;
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + secure + ",CONTROLLER://127.0.0.1:"
                + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + secure);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
                + (tls == null ? "" : ",SASL_SSL:SASL_SSL"));
        if (tls != null) {
            String listener = "listener.name.sasl_ssl.";
            p.setProperty("sasl.enabled.mechanisms", "SCRAM-SHA-512");
            p.setProperty(listener + "scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            p.setProperty(listener + "ssl.keystore.type", TlsStores.TYPE);
            p.setProperty(listener + "ssl.keystore.location", tls.brokerKeyStore().toAbsolutePath().toString());
            p.setProperty(listener + "ssl.keystore.password", tls.password());
            p.setProperty(listener + "ssl.key.password", tls.password());
            p.setProperty(listener + "ssl.truststore.type", TlsStores.TYPE);
            p.setProperty(listener + "ssl.truststore.location", tls.trustStore().toAbsolutePath().toString());
            p.setProperty(listener + "ssl.truststore.password", tls.password());
            p.setProperty(listener + "ssl.client.auth", "required");
        }
        p.setProperty("log.dirs", dataDir.resolve("logs").toAbsolutePath().toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        if (sessionTimeout != null) {
            p.setProperty("broker.session.timeout.ms", Long.toString(sessionTimeout.toMillis()));
            // heartbeats (and registration retries) well within the session
            p.setProperty("broker.heartbeat.interval.ms", Long.toString(Math.max(100, sessionTimeout.toMillis() / 6)));
        }
        Path config = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(out, "written by local-infra on every start");
        }
        return config;
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info");
        command.add("-cp");
        command.add(brokerClasspath());
        command.addAll(List.of(args));
        return command;
    }

    /** This module's classes plus its runtime dependencies (the broker among them), as Maven resolved them. */
    static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/local-infra/runtime-classpath.txt")) {
            if (in == null) {
                throw new IllegalStateException("local-infra/runtime-classpath.txt missing: build local-infra first");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            String own = Path.of(KafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
            return own + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }


}
