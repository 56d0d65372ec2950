package vn.ntm.localinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throwaway TLS material for a broker and its clients, made with the JDK's {@code keytool}: a self-signed key pair
 * for the broker (valid for {@code 127.0.0.1} and {@code localhost}, so clients verify the host name) and one for
 * the clients (the broker asks for a client certificate), and one trust store holding both certificates, all
 * PKCS12 with one password.
 */
public final class TlsStores {
    public static final String TYPE = "PKCS12";

    private final Path brokerKeyStore;
    private final Path clientKeyStore;
    private final Path trustStore;
    private final String password;

    private TlsStores(Path brokerKeyStore, Path clientKeyStore, Path trustStore, String password) {
        this.brokerKeyStore = brokerKeyStore;
        this.clientKeyStore = clientKeyStore;
        this.trustStore = trustStore;
        this.password = password;
    }

    /** Generates the stores in {@code dir} (the two key pairs in parallel: each keytool run is a JVM start). */
    public static TlsStores generate(Path dir) {
        try {
            Files.createDirectories(dir);
            String password = Postgres.newPassword();
            Path broker = dir.resolve("broker.p12");
            Path client = dir.resolve("client.p12");
            Path trust = dir.resolve("truststore.p12");
            Process brokerPair = keyPair(broker, "broker", "CN=localhost", password, dir.resolve("keytool-broker.log"));
            Process clientPair = keyPair(client, "client", "CN=ntm-client", password,
                    dir.resolve("keytool-client.log"));
            await(brokerPair, dir.resolve("keytool-broker.log"));
            await(clientPair, dir.resolve("keytool-client.log"));
            KeyStore trusted = KeyStore.getInstance(TYPE);
            trusted.load(null, null);
            trusted.setCertificateEntry("broker", load(broker, password).getCertificate("broker"));
            trusted.setCertificateEntry("client", load(client, password).getCertificate("client"));
            try (OutputStream out = Files.newOutputStream(trust)) {
                trusted.store(out, password.toCharArray());
            }
            return new TlsStores(broker, client, trust, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not write the trust store", e);
        }
    }

    public Path brokerKeyStore() {
        return brokerKeyStore;
    }

    public Path clientKeyStore() {
        return clientKeyStore;
    }

    public Path trustStore() {
        return trustStore;
    }

    /** The password of every store (and of the keys in them). */
    public String password() {
        return password;
    }

    private static Process keyPair(Path store, String alias, String subject, String password, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-XX:TieredStopAtLevel=1", "-genkeypair", "-noprompt",
                "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", subject, "-validity", "30", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", TYPE, "-keystore", store.toString(), "-storepass", password, "-keypass", password));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    }

    private static void await(Process keytool, Path log) {
        try {
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                keytool.destroyForcibly();
                throw new IllegalStateException("keytool failed: " + Logs.tail(log, 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path store, String password) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance(TYPE);
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password.toCharArray());
        }
        return keys;
    }
}
