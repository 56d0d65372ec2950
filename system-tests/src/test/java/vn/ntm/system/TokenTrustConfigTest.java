package vn.ntm.system;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's application.properties read as the service reads it (profiles, environment variables): without the
 * local profile the issuer's keys and name come only from the environment (else the service refuses to start,
 * {@link TokenTrustIT}), so a host holding a {@code .data/keys} folder never trusts locally minted tokens; the local
 * profile that ./run.sh turns on, and dev mode, trust the local key pair and issuer; the variables win in every
 * profile.
 */
class TokenTrustConfigTest {
    private static final Path ROOT = Path.of(System.getProperty("ntm.root", "..")).toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("criteria-service", "inspection-service", "task-service");
    private static final String LOCATION = "mp.jwt.verify.publickey.location";
    private static final String ISSUER = "mp.jwt.verify.issuer";

    @Test
    void withoutTheLocalProfileOrTheVariablesNoIssuerIsTrusted() throws IOException {
        for (String service : SERVICES) {
            SmallRyeConfig config = config(service, List.of("prod"), Map.of());
            assertThat(config.getOptionalValue(LOCATION, String.class)).as(service).isEmpty();
            assertThat(config.getOptionalValue(ISSUER, String.class)).as(service).isEmpty();
            assertThat(config.getOptionalValue("mp.jwt.verify.publickey", String.class)).as(service).isEmpty();
        }
    }

    @Test
    void theLocalProfileAndDevModeTrustTheLocalKeyPairAndIssuer() throws IOException {
        for (String service : SERVICES) {
            for (List<String> profiles : List.of(List.of("prod", "local"), List.of("dev"))) {
                SmallRyeConfig config = config(service, profiles, Map.of());
                assertThat(config.getValue(LOCATION, String.class)).as(service + " " + profiles)
                        .isEqualTo("file:.data/keys/jwks.json");
                assertThat(config.getValue(ISSUER, String.class)).as(service + " " + profiles)
                        .isEqualTo("https://ntm.local/issuer");
            }
        }
    }

    @Test
    void theVariablesNameTheIssuerInEveryProfileAndEveryTokenNeedsASubject() throws IOException {
        Map<String, String> env = Map.of("NTM_JWKS_LOCATION", "https://login.example.org/realms/ntm/certs",
                "NTM_JWT_ISSUER", "https://login.example.org/realms/ntm", "NTM_JWT_AUDIENCE", "ntm-prod");
        for (String service : SERVICES) {
            for (List<String> profiles : List.of(List.of("prod"), List.of("prod", "local"))) {
                SmallRyeConfig config = config(service, profiles, env);
                assertThat(config.getValue(LOCATION, String.class)).as(service + " " + profiles)
                        .isEqualTo(env.get("NTM_JWKS_LOCATION"));
                assertThat(config.getValue(ISSUER, String.class)).isEqualTo(env.get("NTM_JWT_ISSUER"));
                assertThat(config.getValue("mp.jwt.verify.audiences", String.class)).isEqualTo("ntm-prod");
                assertThat(config.getValue("smallrye.jwt.required.claims", String.class)).isEqualTo("sub");
            }
        }
    }

    private static SmallRyeConfig config(String service, List<String> profiles, Map<String, String> env)
            throws IOException {
        return new SmallRyeConfigBuilder()
                .withProfiles(profiles)
                .withSources(new PropertiesConfigSource(ROOT.resolve(service)
                        .resolve("src/main/resources/application.properties").toUri().toURL()))
                // the environment, above application.properties as in a service
                .withSources(new PropertiesConfigSource(env, "environment", 300))
                .addDefaultInterceptors()
                .build()
                .unwrap(SmallRyeConfig.class);
    }
}
