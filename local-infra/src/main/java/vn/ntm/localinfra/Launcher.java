package vn.ntm.localinfra;

import vn.ntm.contracts.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What {@code ./run.sh} runs: PostgreSQL, then Kafka (topics created), then the three packaged services; waits
 * until every service is ready, prints where everything is, and on SIGINT/SIGTERM stops it all in reverse order.
 * Configuration comes from environment variables (see the README); {@code NTM_DB_HOST} and
 * {@code KAFKA_BOOTSTRAP_SERVERS} switch to an external PostgreSQL and Kafka.
 */
public final class Launcher {
    /**
     * A service: its API port and its management port (health and metrics, without a token), each from a variable
     * with the service's own default ({@code quarkus.http.port}, {@code quarkus.management.port}).
     */
    record Service(String name, String portVariable, int defaultPort, String managementPortVariable,
                   int defaultManagementPort, String database) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("criteria-service", "NTM_CRITERIA_PORT", 8081, "NTM_CRITERIA_MANAGEMENT_PORT", 9081,
                    "criteria"),
            new Service("inspection-service", "NTM_INSPECTION_PORT", 8082, "NTM_INSPECTION_MANAGEMENT_PORT", 9082,
                    "inspection"),
            new Service("task-service", "NTM_TASK_PORT", 8083, "NTM_TASK_MANAGEMENT_PORT", 9083, "task"));

    private final Map<String, String> env;
    private final Path root;
    private final Path dataDir;
    private final Path logDir;
    private final boolean fresh;
    private final List<Process> services = new ArrayList<>();
    private final Map<String, String> serviceEnv = new LinkedHashMap<>();
    private Postgres postgres;
    private KafkaBroker kafka;
    private int pgPort;

    private final Map<String, Long> readyMillis = new LinkedHashMap<>();
    private long servicesStartedNanos;

    public Launcher(Map<String, String> env, Path root, boolean fresh) {
        this.env = env;
        this.root = root;
        this.dataDir = Path.of(env.getOrDefault("NTM_DATA_DIR", root.resolve(".data").toString())).toAbsolutePath();
        this.logDir = dataDir.resolve("logs");
        this.fresh = fresh;
    }

    public static void main(String[] args) {
        boolean fresh = List.of(args).contains("--fresh");
        Path root = Path.of(System.getProperty("ntm.root", ".")).toAbsolutePath().normalize();
        Launcher launcher = new Launcher(System.getenv(), root, fresh);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stopAll, "ntm-stop"));
        try {
            launcher.startAll();
        } catch (StartFailure e) {
            System.err.println();
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1);
        }
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void startAll() {
        long started = System.nanoTime();
        boolean externalDb = env.containsKey("NTM_DB_HOST");
        boolean externalKafka = env.containsKey("KAFKA_BOOTSTRAP_SERVERS");
        pgPort = port("NTM_PG_PORT", 15432);
        int kafkaPort = port("NTM_KAFKA_PORT", 19092);
        int controllerPort = port("NTM_KAFKA_CONTROLLER_PORT", 19093);

        Map<String, Integer> wanted = new LinkedHashMap<>();
        if (!externalDb) {
            wanted.put("PostgreSQL (NTM_PG_PORT)", pgPort);
        }
        if (!externalKafka) {
            wanted.put("Kafka (NTM_KAFKA_PORT)", kafkaPort);
            wanted.put("Kafka controller (NTM_KAFKA_CONTROLLER_PORT)", controllerPort);
        }
        for (Service s : SERVICES) {
            wanted.put(s.name() + " (" + s.portVariable() + ")", port(s.portVariable(), s.defaultPort()));
            wanted.put(s.name() + " management (" + s.managementPortVariable() + ")", managementPort(s));
        }
        wanted.forEach((what, port) -> {
            if (!Ports.isFree(port)) {
                throw new StartFailure("port " + port + " for " + what + " is already in use; stop whatever holds it"
                        + " or choose another port with that variable");
            }
        });
        for (Service s : SERVICES) {
            Path jar = serviceJar(s);
            if (!Files.exists(jar)) {
                throw new StartFailure(jar + " is missing: build with ./mvnw -DskipTests package (./run.sh does)");
            }
        }

        prepareDataDir();
        if (externalDb) {
            log("PostgreSQL: external at " + env.get("NTM_DB_HOST") + ":" + env.getOrDefault("NTM_DB_PORT", "5432"));
            serviceEnv.put("NTM_DB_HOST", env.get("NTM_DB_HOST"));
            serviceEnv.put("NTM_DB_PORT", env.getOrDefault("NTM_DB_PORT", "5432"));
            serviceEnv.put("NTM_DB_USER", env.getOrDefault("NTM_DB_USER", Postgres.USER));
            if (!env.containsKey("NTM_DB_PASSWORD")) {
                throw new StartFailure("NTM_DB_HOST is set: set NTM_DB_PASSWORD (and NTM_DB_USER) for it too");
            }
            serviceEnv.put("NTM_DB_PASSWORD", env.get("NTM_DB_PASSWORD"));
        } else {
            log("PostgreSQL: starting on port " + pgPort + ", data in " + dataDir.resolve("postgres"));
            try {
                postgres = Postgres.start(dataDir.resolve("postgres"), pgPort, false, durable(),
                        localSecret("db-password"));
            } catch (RuntimeException e) {
                throw new StartFailure("PostgreSQL failed to start: " + e.getMessage());
            }
            SERVICES.forEach(s -> postgres.ensureDatabase(s.database()));
            serviceEnv.put("NTM_DB_HOST", "127.0.0.1");
            serviceEnv.put("NTM_DB_PORT", Integer.toString(pgPort));
            serviceEnv.put("NTM_DB_USER", Postgres.USER);
            serviceEnv.put("NTM_DB_PASSWORD", postgres.password());
        }
        String bootstrap;
        if (externalKafka) {
            bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
            log("Kafka: external at " + bootstrap);
        } else {
            log("Kafka: starting on port " + kafkaPort + ", data in " + dataDir.resolve("kafka"));
            kafka = new KafkaBroker(dataDir.resolve("kafka"), kafkaPort, controllerPort,
                    logDir.resolve("kafka.log"))
                    .withJvmOptions(List.of(env.getOrDefault("NTM_KAFKA_JAVA_OPTS", "").trim().split("\\s+")).stream()
                            .filter(o -> !o.isEmpty()).toList());
            if (env.containsKey("NTM_KAFKA_BROKER_SESSION_TIMEOUT_MS")) {
                // a broker restarted after a kill registers once its previous session has expired (Kafka: 9 s)
                kafka.withSessionTimeout(Duration.ofMillis(Long.parseLong(env.get("NTM_KAFKA_BROKER_SESSION_TIMEOUT_MS"))));
            }
            try {
                kafka.start(Duration.ofSeconds(90));
            } catch (RuntimeException e) {
                throw new StartFailure("Kafka failed to start: " + e.getMessage());
            }
            bootstrap = kafka.bootstrapServers();
        }
        try {
            KafkaBroker.createTopics(bootstrap, Topics.all());
        } catch (RuntimeException e) {
            throw new StartFailure("creating Kafka topics failed: " + e.getMessage());
        }
        log("Kafka topics: " + Topics.all());
        serviceEnv.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        if (env.containsKey("NTM_JWKS_LOCATION")) {
            serviceEnv.put("NTM_JWKS_LOCATION", env.get("NTM_JWKS_LOCATION"));
            serviceEnv.put("NTM_JWT_ISSUER", env.getOrDefault("NTM_JWT_ISSUER", JwtKeys.ISSUER));
            serviceEnv.put("NTM_JWT_AUDIENCE", env.getOrDefault("NTM_JWT_AUDIENCE", JwtKeys.AUDIENCE));
        } else {
            // the local issuer: ./token.sh mints tokens with the private key that stays in .data/keys
            serviceEnv.put("NTM_JWKS_LOCATION", JwtKeys.in(dataDir.resolve("keys")).jwksLocation());
            serviceEnv.put("NTM_JWT_ISSUER", JwtKeys.ISSUER);
            serviceEnv.put("NTM_JWT_AUDIENCE", JwtKeys.AUDIENCE);
        }
        // the local profile: only with it do the services' defaults trust the key pair under .data/keys and the
        // local issuer (application.properties); the key's location is still given above as an absolute URL, as a
        // service may run from its quarkus-app/ directory
        serviceEnv.put("QUARKUS_PROFILE", withLocalProfile(env.get("QUARKUS_PROFILE")));
        serviceEnv.put("CRITERIA_SERVICE_URL", "http://127.0.0.1:" + port("NTM_CRITERIA_PORT", 8081));

        servicesStartedNanos = System.nanoTime();
        for (Service s : SERVICES) {
            services.add(startService(s));
        }
        for (Service s : SERVICES) {
            awaitReady(s);
        }
        printTable(bootstrap, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The services' JVM options unless {@code NTM_JAVA_OPTS} replaces them: the serial collector and a heap that
     * gives memory back after a full collection (a service idles most of the time on a small machine), small thread
     * stacks. {@code ArchiveRelocationMode=0}: Java 17.0.15 maps the class-data archive at a random address by
     * default and then rewrites every pointer in it, which copies the whole archive (35 MB, 90 MB for the archive of
     * a whole start) into private memory and costs CPU; mapped where it was dumped, its pages stay file-backed and
     * only those used are read (the JVM falls back to relocating when that address is taken).
     */
    public static final String DEFAULT_JAVA_OPTS = "-XX:+UseSerialGC -Xms32m -Xmx384m -XX:MinHeapFreeRatio=10"
            + " -XX:MaxHeapFreeRatio=30 -XX:MaxMetaspaceSize=192m -Xss512k"
            + " -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0";

    /**
     * The services' Quarkus profiles: the ones set (production's {@code prod} when none) and then {@code local}, which
     * wins where both set a property.
     */
    static String withLocalProfile(String configured) {
        List<String> profiles = new ArrayList<>();
        for (String p : (configured == null || configured.isBlank() ? "prod" : configured).split(",")) {
            if (!p.isBlank() && !p.strip().equals(LOCAL_PROFILE)) {
                profiles.add(p.strip());
            }
        }
        profiles.add(LOCAL_PROFILE);
        return String.join(",", profiles);
    }

    static final String LOCAL_PROFILE = "local";

    /** {@code NTM_PG_DURABLE=off}: the test stacks' PostgreSQL skips fsync; ./run.sh never sets it. */
    private boolean durable() {
        return !"off".equals(env.get("NTM_PG_DURABLE"));
    }

    private Process startService(Service s) {
        return startService(s, Map.of());
    }

    private Process startService(Service s, Map<String, String> extraEnv) {
        int port = port(s.portVariable(), s.defaultPort());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(env.getOrDefault("NTM_JAVA_OPTS", DEFAULT_JAVA_OPTS).trim().split("\\s+")));
        // one service's extra options, e.g. NTM_JAVA_OPTS_TASK_SERVICE="-XX:StartFlightRecording=filename=t.jfr"
        String extra = env.getOrDefault("NTM_JAVA_OPTS_" + s.name().toUpperCase().replace('-', '_'), "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        // Class-data sharing: classes load mapped from an archive, not parsed and verified from the jars. The one the
        // build writes (quarkus.package.jar.appcds) holds only what Quarkus' static init loads, about 6,600 of the
        // 18,000 classes a service loads until ready (Hibernate's boot, Flyway, the Kafka clients load at run time).
        // With NTM_CDS_TRAINING=on the first start after a build records, and once ready dumps, an archive of
        // everything loaded until ready (app-cds-ready.jsa, beside the jar); later starts map that one (opt-in: it
        // saved ~0.7 CPU s per later start, within the noise, and the training start runs without any archive). The
        // archives record the class path relative to quarkus-app/, so the service runs from there (it reads no
        // relative path of its own); the JVM checks that the jars are unchanged and ignores a stale archive.
        Path jar = serviceJar(s);
        Path ready = jar.resolveSibling(READY_ARCHIVE);
        Path cds = upToDate(ready, jar) ? ready : jar.resolveSibling("app-cds.jsa");
        boolean own = command.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile") || o.startsWith("-Xshare"));
        boolean training = !own && !upToDate(ready, jar) && "on".equals(env.get("NTM_CDS_TRAINING"));
        boolean sharing = !own && !training && Files.exists(cds);
        if (sharing) {
            command.add("-XX:SharedArchiveFile=" + cds);
        }
        if (training) {
            // a dynamic archive cannot be dumped on top of another one: this start runs on the JDK's archive only
            command.add("-XX:+RecordDynamicDumpInfo");
            trainees.add(s.name());
        }
        boolean fromAppDir = sharing || training;
        command.add("-jar");
        command.add(fromAppDir ? jar.getFileName().toString() : jar.toString());
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(fromAppDir ? jar.getParent().toFile() : null)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(s.name() + ".log").toFile()));
        // the launcher's own environment (System.getenv() for ./run.sh) reaches the services, then its settings
        pb.environment().putAll(env);
        pb.environment().putAll(serviceEnv);
        pb.environment().putAll(extraEnv);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort(s)));
        // glibc gives each thread that mallocs its own arena (up to 8 per core); two keep native memory small
        pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        pb.environment().put("NTM_DB_NAME", s.database());
        log(s.name() + ": starting on port " + port + " (health and metrics on " + managementPort(s) + ")");
        try {
            return pb.start();
        } catch (IOException e) {
            throw new StartFailure(s.name() + " could not be started: " + e.getMessage());
        }
    }

    static final String READY_ARCHIVE = "app-cds-ready.jsa";

    private final java.util.Set<String> trainees = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static boolean upToDate(Path archive, Path jar) {
        try {
            return Files.exists(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Dumps the classes a service loaded until ready into {@link #READY_ARCHIVE} ({@code jcmd VM.cds dynamic_dump},
     * a pause of a second or two), in the background: the start it follows is not slowed further. Written to a
     * temporary file first, so that a dump cut short is never used.
     */
    private void dumpReadyArchive(Service s, Process process) {
        if (!trainees.remove(s.name())) {
            return;
        }
        Path jar = serviceJar(s);
        Path temporary = jar.resolveSibling(READY_ARCHIVE + "." + process.pid() + ".tmp");
        Thread dump = new Thread(() -> {
            try {
                Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(process.pid()), "VM.cds", "dynamic_dump", temporary.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (jcmd.waitFor(120, TimeUnit.SECONDS) && jcmd.exitValue() == 0 && Files.size(temporary) > 0) {
                    Files.move(temporary, jar.resolveSibling(READY_ARCHIVE),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } else {
                    jcmd.destroyForcibly();
                    Files.deleteIfExists(temporary);
                }
            } catch (IOException e) {
                // no jcmd (a JRE): the build's archive stays in use
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ntm-cds-dump-" + s.name());
        dump.setDaemon(true);
        dump.start();
    }

    private void awaitReady(Service s) {
        int index = SERVICES.indexOf(s);
        Process process = services.get(index);
        // ready: the service's own database answers (readiness leaves the broker to /q/health/group/dependencies)
        URI ready = URI.create("http://127.0.0.1:" + managementPort(s) + "/q/health/ready");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(
                Long.parseLong(env.getOrDefault("NTM_START_TIMEOUT_SECONDS", "180"))).toNanos();
        Path log = logDir.resolve(s.name() + ".log");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StartFailure(s.name() + " exited with code " + process.exitValue() + "; last lines of "
                        + log + ":\n" + Logs.tail(log, 25));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    readyMillis.put(s.name(), (System.nanoTime() - servicesStartedNanos) / 1_000_000);
                    log(s.name() + ": ready");
                    dumpReadyArchive(s, process);
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartFailure("interrupted while waiting for " + s.name());
            }
            sleep(300);
        }
        throw new StartFailure(s.name() + " did not become ready; see " + ready + " and " + log + ":\n"
                + Logs.tail(log, 25));
    }

    private void printTable(String bootstrap, long millis) {
        StringBuilder out = new StringBuilder();
        String format = "%-20s %-24s %-40s %-44s %-36s%n";
        out.append(String.format("%nNTM is up in %.1f s.%n%n", millis / 1000.0));
        out.append(String.format(format, "service", "API", "Swagger UI", "health (ready)", "metrics"));
        for (Service s : SERVICES) {
            String base = "http://localhost:" + port(s.portVariable(), s.defaultPort());
            String management = "http://localhost:" + managementPort(s);
            out.append(String.format(format, s.name(), base, base + "/q/swagger-ui", management + "/q/health/ready",
                    management + "/q/metrics"));
        }
        out.append(String.format("%nHealth and metrics are on each service's management port, without a token;"
                + " /q/health/group/dependencies reports Kafka, the consumers and the outbox.%n"));
        out.append(String.format("%nKafka bootstrap: %s%n", bootstrap));
        out.append(String.format("Logs: %s%n", logDir));
        out.append(String.format("Press Ctrl-C to stop everything.%n"));
        System.out.print(out);
        System.out.flush();
    }

    /** Milliseconds from launching the service processes until each answered ready. */
    public Map<String, Long> readyMillis() {
        return Map.copyOf(readyMillis);
    }

    /** Process ids of the running services, by name. */
    public Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (int i = 0; i < services.size(); i++) {
            pids.put(SERVICES.get(i).name(), services.get(i).pid());
        }
        return pids;
    }

    // Fault injection for the system tests: kill and restart single components of a running stack.

    /** Kills a service with SIGKILL, as a crash would. */
    public synchronized void killService(String name) throws InterruptedException {
        Process p = services.get(indexOf(name));
        p.destroyForcibly();
        p.waitFor();
    }

    /** Starts a service again with the same configuration and waits until it is ready. */
    public synchronized void restartService(String name) {
        restartService(name, Map.of());
    }

    /** Starts a service again with {@code extraEnv} on top of its configuration (a test hook) until it is ready. */
    public synchronized void restartService(String name, Map<String, String> extraEnv) {
        int i = indexOf(name);
        if (services.get(i).isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        services.set(i, startService(SERVICES.get(i), extraEnv));
        awaitReady(SERVICES.get(i));
    }

    public synchronized void killKafka() {
        kafka.kill();
    }

    public synchronized void startKafka() {
        kafka.start(Duration.ofSeconds(90));
    }

    /** Stops PostgreSQL (fast shutdown: clients are disconnected); {@link #startPostgres()} brings it back. */
    public synchronized void stopPostgres() {
        postgres.close();
    }

    public synchronized void startPostgres() {
        postgres = Postgres.start(dataDir.resolve("postgres"), pgPort, false, durable(), localSecret("db-password"));
    }

    /** A secret made for this data directory on first use and kept in {@code .data/secrets/} (never committed). */
    String localSecret(String name) {
        try {
            Path file = dataDir.resolve("secrets").resolve(name);
            PrivateFiles.directory(file.getParent());
            if (!Files.exists(file)) {
                PrivateFiles.write(file, Postgres.newPassword());
            } else {
                PrivateFiles.restrict(file);
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int indexOf(String name) {
        for (int i = 0; i < SERVICES.size(); i++) {
            if (SERVICES.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no service " + name);
    }

    /** Reverse order: services, then Kafka, then PostgreSQL; each gets a grace period, then is killed. */
    public synchronized void stopAll() {
        for (int i = services.size() - 1; i >= 0; i--) {
            Process p = services.get(i);
            if (p.isAlive()) {
                log("stopping " + SERVICES.get(i).name());
                p.destroy();
            }
        }
        for (int i = services.size() - 1; i >= 0; i--) {
            Process p = services.get(i);
            try {
                if (!p.waitFor(12, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
        services.clear();
        if (kafka != null) {
            log("stopping Kafka");
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            log("stopping PostgreSQL");
            postgres.close();
            postgres = null;
        }
        log("stopped");
    }

    private void prepareDataDir() {
        try {
            if (fresh && Files.exists(dataDir)) {
                log("--fresh: deleting " + dataDir);
                try (Stream<Path> paths = Files.walk(dataDir)) {
                    paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path serviceJar(Service s) {
        return root.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private int managementPort(Service s) {
        return port(s.managementPortVariable(), s.defaultManagementPort());
    }

    private int port(String variable, int defaultPort) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new StartFailure(variable + "=" + value + " is not a port number");
        }
    }

    private static void log(String message) {
        System.out.println("[run] " + message);
        System.out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static final class StartFailure extends RuntimeException {
        StartFailure(String message) {
            super(message);
        }
    }
}
