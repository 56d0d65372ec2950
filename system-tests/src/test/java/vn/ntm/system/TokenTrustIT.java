package vn.ntm.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ntm.localinfra.JwtKeys;
import vn.ntm.localinfra.Ports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A packaged service started as a production host would start it, but without the issuer's keys and name
 * ({@code NTM_JWKS_LOCATION}, {@code NTM_JWT_ISSUER}) and without the local profile, stops at once, before it touches
 * its database or the broker (neither exists here), naming what is missing; even with a {@code .data/keys} folder of
 * locally minted keys in its working directory.
 */
class TokenTrustIT {
    private static final Path ROOT = Path.of(System.getProperty("ntm.root", "..")).toAbsolutePath().normalize();

    @Test
    void aServiceWithoutTheIssuerOrTheLocalProfileStopsAtStartNamingWhatIsMissing(@TempDir Path host)
            throws Exception {
        JwtKeys.in(host.resolve(".data/keys"));
        assertThat(host.resolve(".data/keys/jwks.json")).exists();
        for (String service : TokenTrustConfigTest.SERVICES) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-jar",
                    ROOT.resolve(service).resolve("target/quarkus-app/quarkus-run.jar").toString())
                    .directory(host.toFile()).redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("NTM_") || k.startsWith("QUARKUS_"));
            pb.environment().put("NTM_DB_PASSWORD", "unused");
            pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(Ports.freePort()));
            pb.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(Ports.freePort()));
            Process start = pb.start();
            boolean ended = start.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                start.destroyForcibly().waitFor();
            }
            String out = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(ended).as(service + " still running:\n" + out).isTrue();
            assertThat(start.exitValue()).as(out).isNotZero();
            assertThat(out).as(service).contains("mp.jwt.verify.issuer", "mp.jwt.verify.publickey.location");
            assertThat(Files.exists(host.resolve(".data/keys/jwks.json"))).isTrue();
        }
    }
}
