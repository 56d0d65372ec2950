package vn.ntm.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL 17 server from the embedded binaries on Maven Central. The data directory is initialised when
 * empty and survives restarts, unless the server is a {@code throwaway} one (tests), whose directory is deleted on
 * close. Services connect as {@value #USER}, which owns one database per service, with a password generated for this
 * data directory (nothing is committed).
 */
public final class Postgres implements AutoCloseable {
    public static final String USER = "ntm";

    private final EmbeddedPostgres server;
    private final int port;
    private final String password;

    private Postgres(EmbeddedPostgres server, int port, String password) {
        this.server = server;
        this.port = port;
        this.password = password;
    }

    /** Starts the server; {@code password} becomes the application user's password. A throwaway one is not durable. */
    public static Postgres start(Path dataDir, int port, boolean throwaway, String password) {
        return start(dataDir, port, throwaway, !throwaway, password);
    }

    /**
     * Starts the server; without {@code durable} it writes nothing to disk that it need not (no fsync, no synchronous
     * commit, no full-page writes): for test servers, whose data dies with them, never for ./run.sh.
     */
    public static Postgres start(Path dataDir, int port, boolean throwaway, boolean durable, String password) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(throwaway)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "on");
            if (!durable) {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            EmbeddedPostgres server = builder.start();
            Postgres postgres = new Postgres(server, port, password);
            postgres.ensureRole();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    /** A random password for a new data directory. */
    public static String newPassword() {
        byte[] bytes = new byte[18];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the database owned by {@value #USER} unless it exists. */
    public void ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = server.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("create database " + database + " owner " + USER + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    private void ensureRole() {
        if (!password.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("the generated password must be URL-safe base64");
        }
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = st.executeQuery("select 1 from pg_roles where rolname = '" + USER + "'")) {
                exists = rs.next();
            }
            st.execute((exists ? "alter role " : "create role ") + USER + " login password '" + password + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create role " + USER + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
