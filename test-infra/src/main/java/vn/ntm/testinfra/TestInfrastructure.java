package vn.ntm.testinfra;

import vn.ntm.contracts.Topics;
import vn.ntm.localinfra.JwtKeys;
import vn.ntm.localinfra.KafkaBroker;
import vn.ntm.localinfra.Ports;
import vn.ntm.localinfra.Postgres;
import vn.ntm.localinfra.S3Server;
import vn.ntm.localinfra.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real PostgreSQL and Kafka broker of one test JVM: started on first use on free ports in a temporary
 * directory, stopped when the JVM exits. Tests that inject faults stop and restart the broker through it. A second
 * broker that only lets in authenticated clients over TLS ({@link #secureKafka()}) starts when a test first asks
 * for it.
 */
public final class TestInfrastructure {
    /** The bucket the S3-compatible server has from the start. */
    public static final String S3_BUCKET = "ntm-test";
    private static TestInfrastructure instance;

    private final Postgres postgres;
    private final JwtKeys keys;
    private final Path root;
    private KafkaBroker kafka;
    private SecureKafka secureKafka;
    private final S3Server s3;
    private boolean s3Started;

    private TestInfrastructure(Postgres postgres, JwtKeys keys, Path root) {
        this.postgres = postgres;
        this.keys = keys;
        this.root = root;
        this.s3 = new S3Server(root.resolve("s3"), Ports.freePort(), root.resolve("s3.log"));
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = startNew();
        }
        return instance;
    }

    private static TestInfrastructure startNew() {
        try {
            Path root = Files.createTempDirectory("ntm-test-infra");
            Postgres postgres = Postgres.start(root.resolve("postgres"), Ports.freePort(), true,
                    Postgres.newPassword());
            TestInfrastructure infra = new TestInfrastructure(postgres, JwtKeys.in(root.resolve("keys")), root);
            Runtime.getRuntime().addShutdownHook(new Thread(infra::stop, "ntm-test-infra-stop"));
            return infra;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl(String database) {
        postgres.ensureDatabase(database);
        return postgres.jdbcUrl(database);
    }

    /** Where the services of this test JVM read the token issuer's public key. */
    public String jwksLocation() {
        return keys.jwksLocation();
    }

    /** Mints tokens the services of this test JVM accept. */
    public Tokens tokens() {
        return keys.tokens();
    }

    public String databasePassword() {
        return postgres.password();
    }

    /** The port of this test JVM's PostgreSQL (on 127.0.0.1), for client programs such as pg_dump. */
    public int postgresPort() {
        return postgres.port();
    }

    /**
     * A second PostgreSQL server of the same version, empty but for the role {@link Postgres#USER} with
     * {@link #databasePassword()}: a restore target (README "Backup and restore"). The caller closes it, which deletes
     * its data.
     */
    public Postgres newPostgres() {
        return Postgres.start(root.resolve("postgres-" + java.util.UUID.randomUUID()), Ports.freePort(), true, false,
                postgres.password());
    }

    /** The broker, started with the contracts' topics on first use (a suite on {@link #secureKafka()} never is). */
    private synchronized KafkaBroker kafka() {
        if (kafka == null) {
            KafkaBroker broker = new KafkaBroker(root.resolve("kafka"), Ports.freePort(), Ports.freePort(),
                    root.resolve("kafka.log"))
                    .withJvmOptions(List.of("-XX:TieredStopAtLevel=1", "-XX:+UnlockDiagnosticVMOptions",
                            "-XX:-BytecodeVerificationRemote"))
                    // a restart after stopKafka() waits for the killed broker's session to expire: 3 s, not 9 s
                    .withSessionTimeout(Duration.ofSeconds(3));
            broker.start(Duration.ofSeconds(90));
            broker.createTopics(Topics.all());
            kafka = broker;
        }
        return kafka;
    }

    public String bootstrapServers() {
        return kafka().bootstrapServers();
    }

    /** Stops the broker as an outage would; {@link #startKafka()} brings it back on the same port and data. */
    public void stopKafka() {
        kafka().kill();
    }

    public void startKafka() {
        kafka().start(Duration.ofSeconds(90));
    }

    /** Freezes the broker (SIGSTOP): connections stay open, nothing answers. Always {@link #thawKafka()} after. */
    public void freezeKafka() {
        kafka().freeze();
    }

    public void thawKafka() {
        kafka().thaw();
    }

    /**
     * The broker with a SASL_SSL listener (SCRAM-SHA-512 users, TLS with client certificates generated for this
     * run), started on first use; it knows no user until a test creates one.
     */
    public synchronized SecureKafka secureKafka() {
        if (secureKafka == null) {
            secureKafka = SecureKafka.start(root.resolve("secure-kafka"));
        }
        return secureKafka;
    }

    /**
     * The S3-compatible server of this test JVM, started on first use (only the tests of an S3 store need it), with
     * bucket {@link #S3_BUCKET}.
     */
    public synchronized S3Server s3() {
        if (!s3Started) {
            s3.start(Duration.ofSeconds(120), S3_BUCKET);
            s3Started = true;
        }
        return s3;
    }

    /**
     * The same server, not started: its endpoint and keys are fixed before it runs, so a service can be configured
     * with them when it starts while only the tests that use the bucket start the server ({@link #s3()}).
     */
    public S3Server s3Unstarted() {
        return s3;
    }

    private void stop() {
        synchronized (this) {
            if (kafka != null) {
                try {
                    kafka.thaw();
                } catch (RuntimeException notFrozenOrGone) {
                    // nothing to resume
                }
                kafka.close();
            }
            if (secureKafka != null) {
                secureKafka.close();
            }
        }
        postgres.close();
        synchronized (this) {
            s3.close();
        }
    }
}
