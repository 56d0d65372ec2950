package vn.ntm.system;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import vn.ntm.localinfra.JwtKeys;
import vn.ntm.localinfra.Launcher;
import vn.ntm.localinfra.Ports;
import vn.ntm.localinfra.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A packaged stack for the system tests, on free ports with its own data directory. {@link #shared()} is the one
 * stack of this test JVM that read-only and hostile-input tests share, started once through {@code ./run.sh
 * --no-build} as a user starts it; a test that kills the broker or a service takes its own with {@link #launch}.
 * Both seed only province 20 of the register (the seed inspection's province): the full seed is covered by
 * criteria-service's own tests. Their PostgreSQL skips fsync, their JVMs run with the C1 compiler only.
 */
final class SystemStack {
    static final Path ROOT = Path.of(System.getProperty("ntm.root", "..")).toAbsolutePath().normalize();
    static final List<String> PORT_VARIABLES = List.of("NTM_PG_PORT", "NTM_KAFKA_PORT", "NTM_KAFKA_CONTROLLER_PORT",
            "NTM_CRITERIA_PORT", "NTM_INSPECTION_PORT", "NTM_TASK_PORT", "NTM_CRITERIA_MANAGEMENT_PORT",
            "NTM_INSPECTION_MANAGEMENT_PORT", "NTM_TASK_MANAGEMENT_PORT");
    private static final Map<String, String> SERVICE_PORTS = Map.of("criteria-service", "NTM_CRITERIA_PORT",
            "inspection-service", "NTM_INSPECTION_PORT", "task-service", "NTM_TASK_PORT");
    private static SystemStack shared;
    private static final String NO_VERIFY = "-XX:-BytecodeVerificationRemote";

    final Map<String, Integer> ports;
    final Path data;
    private final Map<String, String> env;
    private Process run;
    private Launcher launcher;
    private Path output;

    private SystemStack(Map<String, Integer> ports, Path data, Map<String, String> env) {
        this.ports = ports;
        this.data = data;
        this.env = env;
    }

    /** The stack of this JVM's read-only tests, started through ./run.sh on first use, stopped when the JVM exits. */
    static synchronized SystemStack shared() {
        if (shared == null) {
            SystemStack stack = create("ntm-shared-stack", Map.of(
                    // the deadline job would otherwise change the seed's tasks (due in 2022) while tables are compared,
                    // and so would the scheduled succession run (30 s after start) moving the seed's tasks of
                    // departments merged on 2025-03-01; the runs that register and sector events start still happen
                    "NTM_TASKS_DEADLINE_CHECK_EVERY", "off", "NTM_TASKS_SUCCESSION_CHECK_EVERY", "off"));
            stack.startRunScript("run.out");
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "ntm-shared-stack-stop"));
            shared = stack;
        }
        return shared;
    }

    /** A stack of the caller's own, started in this JVM as ./run.sh starts it; the caller stops it. */
    static SystemStack launch(String name, Map<String, String> extraEnv) {
        SystemStack stack = create(name, extraEnv);
        stack.launcher = new Launcher(stack.env, ROOT, true);
        stack.launcher.startAll();
        return stack;
    }

    private static SystemStack create(String name, Map<String, String> extraEnv) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        PORT_VARIABLES.forEach(v -> ports.put(v, Ports.freePort()));
        try {
            Path data = Files.createTempDirectory(name);
            Map<String, String> env = new HashMap<>(System.getenv());
            env.remove("NTM_DB_HOST");
            env.remove("KAFKA_BOOTSTRAP_SERVERS");
            ports.forEach((k, v) -> env.put(k, v.toString()));
            env.put("NTM_DATA_DIR", data.resolve("data").toString());
            env.put("NTM_REGISTER_SEED_PROVINCES", "20");
            env.put("NTM_PG_DURABLE", "off");
            // JVMs that live for one test run: the C1 compiler alone costs less CPU than it loses in speed
            // (and their classes, from this build and Maven Central, are not verified again at each start)
            env.put("NTM_JAVA_OPTS", Launcher.DEFAULT_JAVA_OPTS + " -XX:TieredStopAtLevel=1 " + NO_VERIFY);
            env.put("NTM_KAFKA_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UnlockDiagnosticVMOptions " + NO_VERIFY);
            // tests wait for the consumer groups to have committed everything (consumersCaughtUp): Kafka's 5 s
            // interval would add up to 5 s to each wait
            env.put("NTM_KAFKA_COMMIT_INTERVAL_MS", "200");
            // the change feed holds back the last seconds' changes (task-service README "Change feed"); ExampleConsumerIT
            // waits for its change to be listed
            env.put("NTM_TASKS_FEED_SETTLE", "1s");
            env.putAll(extraEnv);
            return new SystemStack(ports, data, env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts (or starts again, on the same data) through {@code ./run.sh --no-build}; output goes to a file. */
    synchronized void startRunScript(String outputName) {
        output = data.resolve(outputName);
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("run.sh").toString(), "--no-build")
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        try {
            run = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = t0 + Duration.ofMinutes(4).toNanos();
        while (!runOutput().contains("NTM is up")) {
            if (!run.isAlive()) {
                throw new AssertionError("run.sh exited with " + run.exitValue() + ":\n" + runOutput());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run.sh did not report the stack up within 4 minutes:\n" + runOutput());
            }
            pause(200);
        }
        System.out.printf("SystemStack: ./run.sh --no-build reached ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** What ./run.sh printed so far. */
    String runOutput() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The ./run.sh process of this stack (null for a launched one). */
    Process runProcess() {
        return run;
    }

    /** The launcher of a stack started with {@link #launch}, for faults. */
    Launcher launcher() {
        return launcher;
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(SERVICE_PORTS.get(service));
    }

    String bootstrapServers() {
        return "127.0.0.1:" + ports.get("NTM_KAFKA_PORT");
    }

    Path logs() {
        return data.resolve("data").resolve("logs");
    }

    /** Tokens signed with the key pair the stack made under its data directory, as ./token.sh mints them. */
    Tokens tokens() {
        return JwtKeys.in(data.resolve("data").resolve("keys")).tokens();
    }

    Api admin(String subject) {
        return new Api(tokens().token(subject, "admin").bearer());
    }

    /** A connection to one of the stack's databases as the services' user. */
    Connection database(String name) throws SQLException {
        try {
            String password = Files.readString(data.resolve("data").resolve("secrets").resolve("db-password")).trim();
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + ports.get("NTM_PG_PORT") + "/" + name,
                    "ntm", password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when every consumer group has committed the end offset of every partition it reads. */
    boolean consumersCaughtUp() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                for (var e : committed.entrySet()) {
                    if (e.getValue() == null || e.getValue().offset() < ends.get(e.getKey()).offset()) {
                        return false;
                    }
                }
            }
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    synchronized void stop() {
        if (launcher != null) {
            launcher.stopAll();
        }
        if (run != null && run.isAlive()) {
            run.destroy();
            try {
                run.waitFor(40, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deleteData();
    }

    /** Each stack's data (about 85 MB) would otherwise stay in the temporary directory after every build. */
    private void deleteData() {
        try (Stream<Path> paths = Files.walk(data)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete the stack's data in " + data + ": " + e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
