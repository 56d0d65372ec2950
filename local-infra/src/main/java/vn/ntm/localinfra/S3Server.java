package vn.ntm.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * A real S3-compatible server (S3Proxy over jclouds' filesystem blob store: a bucket is a directory, an object a
 * file) in its own JVM, started from this module's runtime classpath like the Kafka broker. Clients sign their
 * requests (AWS Signature V2 or V4) with {@link #accessKey()} and {@link #secretKey()}, a new secret each start;
 * any region is accepted. S3Proxy sits outside the services' classpath (an optional dependency of this module).
 */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "ntm-local";
    public static final String REGION = "us-east-1";
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final Path dataDir;
    private final int port;
    private final Path logFile;
    private final String secretKey = UUID.randomUUID().toString();
    private ChildJvm process;

    public S3Server(Path dataDir, int port, Path logFile) {
        this.dataDir = dataDir;
        this.port = port;
        this.logFile = logFile;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return secretKey;
    }

    /** Starts the server with the given buckets present (empty when new). */
    public synchronized void start(Duration timeout, String... buckets) {
        try {
            Path blobs = dataDir.resolve("blobs");
            for (String bucket : buckets) {
                Files.createDirectories(blobs.resolve(bucket));
            }
            Files.createDirectories(blobs);
            Files.createDirectories(logFile.getParent());
            Properties p = new Properties();
            p.setProperty("s3proxy.endpoint", endpoint());
            p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            p.setProperty("s3proxy.identity", ACCESS_KEY);
            p.setProperty("s3proxy.credential", secretKey);
            p.setProperty("jclouds.provider", "filesystem-nio2");
            p.setProperty("jclouds.filesystem.basedir", blobs.toAbsolutePath().toString());
            // the filesystem store has no credentials of its own, but jclouds wants some
            p.setProperty("jclouds.identity", "local");
            p.setProperty("jclouds.credential", "local");
            Path config = dataDir.resolve("s3proxy.properties");
            try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                p.store(out, "written by local-infra on every start");
            }
            PrivateFiles.restrict(config);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // S3Proxy sends System.err to its logger: slf4j-simple must not write there, or it loops
            command.add("-Dorg.slf4j.simpleLogger.logFile=System.out");
            command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
            command.addAll(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-cp", KafkaBroker.brokerClasspath(),
                    S3ServerMain.class.getName(), Long.toString(ProcessHandle.current().pid()), config.toString()));
            process = ChildJvm.start("S3 server", command, logFile);
            process.awaitReady(timeout, GRACE, () -> Ports.isListening("127.0.0.1", port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.stop(GRACE);
            process = null;
        }
    }
}
