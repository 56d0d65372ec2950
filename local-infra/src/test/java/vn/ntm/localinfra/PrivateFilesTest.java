package vn.ntm.localinfra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The local issuer's private key and the generated database password are readable by their owner only. */
class PrivateFilesTest {

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void theKeyPairIsCreatedOwnerOnly(@TempDir Path data) throws Exception {
        Path keys = data.resolve("keys");
        JwtKeys.in(keys);

        assertThat(permissions(keys)).isEqualTo("rwx------");
        assertThat(permissions(keys.resolve("private-key.jwk"))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(keys)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("private-key.jwk", "jwks.json");
        }
        // and the key still works
        assertThat(JwtKeys.in(keys).tokens().token("someone", "admin").bearer()).startsWith("Bearer ");
    }

    @Test
    void theDatabasePasswordIsCreatedOwnerOnly(@TempDir Path root) throws Exception {
        Path data = root.resolve(".data");
        Launcher launcher = new Launcher(Map.of("NTM_DATA_DIR", data.toString()), root, false);
        String password = launcher.localSecret("db-password");

        Path secrets = data.resolve("secrets");
        assertThat(permissions(secrets)).isEqualTo("rwx------");
        assertThat(permissions(secrets.resolve("db-password"))).isEqualTo("rw-------");
        assertThat(password).isNotBlank();
        assertThat(launcher.localSecret("db-password")).isEqualTo(password);
    }

    @Test
    void filesLeftWorldReadableByAnOlderVersionAreTightened(@TempDir Path root) throws Exception {
        Path keys = root.resolve("keys");
        JwtKeys.in(keys);
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(keys.resolve("private-key.jwk"), PosixFilePermissions.fromString("rw-r--r--"));
        Path secret = root.resolve(".data/secrets/db-password");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, "old-password");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));

        JwtKeys.in(keys);
        String password = new Launcher(Map.of("NTM_DATA_DIR", root.resolve(".data").toString()), root, false)
                .localSecret("db-password");

        assertThat(permissions(keys)).isEqualTo("rwx------");
        assertThat(permissions(keys.resolve("private-key.jwk"))).isEqualTo("rw-------");
        assertThat(permissions(secret)).isEqualTo("rw-------");
        assertThat(permissions(secret.getParent())).isEqualTo("rwx------");
        assertThat(password).isEqualTo("old-password");
    }
}
