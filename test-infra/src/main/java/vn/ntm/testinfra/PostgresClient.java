package vn.ntm.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's client programs (pg_dump, pg_restore, psql) of at least the tests' server version, for the backup and
 * restore tests: from the directory {@code NTM_PG_BIN} names, else installed by {@code tools/postgres-client.sh}
 * (the embedded server binaries have none, and pg_dump refuses a newer server).
 */
public final class PostgresClient {
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");
    private static PostgresClient instance;

    private final Path bin;

    private PostgresClient(Path bin) {
        this.bin = bin;
    }

    /** The client programs, checked to be of major version {@code serverMajor} or later. */
    public static synchronized PostgresClient atLeast(int serverMajor) {
        if (instance == null) {
            String configured = System.getenv("NTM_PG_BIN");
            instance = new PostgresClient(configured != null && !configured.isBlank() ? Path.of(configured)
                    : install());
        }
        String version = instance.run(Map.of(), "pg_dump", "--version");
        Matcher major = VERSION.matcher(version);
        if (!major.find() || Integer.parseInt(major.group(1)) < serverMajor) {
            throw new IllegalStateException(instance.bin + ": " + version.trim() + ", but the server is PostgreSQL "
                    + serverMajor + " (pg_dump refuses newer servers); set NTM_PG_BIN to version " + serverMajor
                    + "'s client programs");
        }
        return instance;
    }

    /** Runs {@code tools/postgres-client.sh} of this repository; its last line is the programs' directory. */
    private static Path install() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("tools/postgres-client.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("tools/postgres-client.sh not found above " + Path.of("").toAbsolutePath()
                    + "; set NTM_PG_BIN to PostgreSQL's client programs");
        }
        String output = execute(List.of("bash", dir.resolve("tools/postgres-client.sh").toString()), Map.of());
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        return Path.of(lines.get(lines.size() - 1).trim());
    }

    /**
     * Runs one of the programs ({@code pg_dump}, {@code pg_restore}, {@code psql}) with the given environment
     * additions (e.g. {@code PGPASSWORD}); its output, or an exception with it when the exit code is not 0.
     */
    public String run(Map<String, String> environment, String program, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        return execute(command, environment);
    }

    private static String execute(List<String> command, Map<String, String> environment) {
        try {
            Path output = Files.createTempFile("ntm-pg-client", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command.get(0) + " did not finish within 5 minutes");
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                            + ":\n" + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
