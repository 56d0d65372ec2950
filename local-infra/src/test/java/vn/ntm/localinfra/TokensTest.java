package vn.ntm.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a service sees of a local token: verified only against the public {@code jwks.json}, as from a JWKS URL. */
class TokensTest {
    // one key pair for the class: generating an RSA key per test cost 1-2 s each
    @TempDir
    static Path dir;

    @Test
    void mintsTokensTheIssuersPublishedKeysVerify() throws Exception {
        JwtKeys keys = JwtKeys.in(dir);
        String jwt = keys.tokens().token("inspector-20", "inspector").province("20").jwt();

        JwtContext verified = consumer(dir).process(jwt);
        JwtClaims claims = verified.getJwtClaims();
        assertThat(verified.getJoseObjects().get(0).getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(verified.getJoseObjects().get(0).getKeyIdHeaderValue()).isEqualTo(JwtKeys.KEY_ID);
        assertThat(claims.getIssuer()).isEqualTo(JwtKeys.ISSUER);
        assertThat(claims.getAudience()).containsExactly(JwtKeys.AUDIENCE);
        assertThat(claims.getSubject()).isEqualTo("inspector-20");
        assertThat(claims.getStringClaimValue("upn")).isEqualTo("inspector-20");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("inspector");
        assertThat(claims.getStringClaimValue("province")).isEqualTo("20");
        assertThat(claims.hasClaim("orgs")).isFalse();
        assertThat(claims.getJwtId()).isNotBlank();
    }

    @Test
    void carriesEveryOrganisationAndRoleOfAnOrgUser() throws Exception {
        String jwt = JwtKeys.in(dir).tokens().token("org-user", "org").role("viewer")
                .org("UBND_XA:06490").org("SO_NGANH:20:GTVT").province("20").jwt();

        JwtClaims claims = consumer(dir).processToClaims(jwt);
        assertThat(claims.getStringListClaimValue("orgs")).containsExactly("UBND_XA:06490", "SO_NGANH:20:GTVT");
        assertThat(claims.getStringListClaimValue("groups")).containsExactlyInAnyOrder("org", "viewer");
    }

    @Test
    void namesTheUserApartFromTheSubjectWhenAsked() throws Exception {
        JwtKeys keys = JwtKeys.in(dir);
        JwtClaims named = consumer(dir).processToClaims(
                keys.tokens().token("3f1c-uuid", "viewer").province("20").name("Nguyễn Văn A").jwt());
        JwtClaims unnamed = consumer(dir).processToClaims(keys.tokens().token("viewer-20", "viewer").jwt());

        assertThat(named.getSubject()).isEqualTo("3f1c-uuid");
        assertThat(named.getStringClaimValue("upn")).isEqualTo("Nguyễn Văn A");
        assertThat(named.getStringClaimValue("preferred_username")).isEqualTo("Nguyễn Văn A");
        assertThat(unnamed.getStringClaimValue("upn")).isEqualTo("viewer-20");
        assertThat(unnamed.hasClaim("preferred_username")).isFalse();
    }

    @Test
    void keepsTheKeyPairAcrossRestartsAndPublishesNoPrivatePart() throws Exception {
        String before = JwtKeys.in(dir).tokens().token("admin-local", "admin").jwt();
        String jwksBefore = Files.readString(dir.resolve("jwks.json"));

        String after = JwtKeys.in(dir).tokens().token("admin-local", "admin").jwt();

        assertThat(Files.readString(dir.resolve("jwks.json"))).isEqualTo(jwksBefore);
        assertThat(consumer(dir).processToClaims(before).getSubject()).isEqualTo("admin-local");
        assertThat(consumer(dir).processToClaims(after).getSubject()).isEqualTo("admin-local");
        Map<String, Object> published = new JsonWebKeySet(jwksBefore).getJsonWebKeys().get(0).toParams(
                org.jose4j.jwk.JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
        assertThat(published).containsKeys("n", "e").doesNotContainKeys("d", "p", "q", "dp", "dq", "qi")
                .containsEntry("kid", JwtKeys.KEY_ID).containsEntry("alg", "RS256").containsEntry("use", "sig");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
                .containsExactlyInAnyOrder("jwks.json", "private-key.jwk");
    }

    @Test
    void tokensSignedWithAnotherKeyDoNotVerify() {
        String forged = JwtKeys.in(dir).tokens().token("admin-forged", "admin").signedWith(JwtKeys.foreignKey()).jwt();

        assertThatThrownBy(() -> consumer(dir).process(forged)).isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void honoursTheRequestedExpiryIssuerAndAudience() throws Exception {
        Instant expiry = Instant.now().minusSeconds(600);
        String jwt = JwtKeys.in(dir).tokens().token("admin-expired", "admin").expiresAt(expiry)
                .issuer("https://other.example/issuer").audience("other").jwt();

        JwtClaims claims = new JwtConsumerBuilder().setSkipAllValidators()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(
                        new JsonWebKeySet(Files.readString(dir.resolve("jwks.json"))).getJsonWebKeys()))
                .build().processToClaims(jwt);
        assertThat(claims.getExpirationTime().getValue()).isEqualTo(expiry.getEpochSecond());
        assertThat(claims.getIssuer()).isEqualTo("https://other.example/issuer");
        assertThat(claims.getAudience()).isEqualTo(List.of("other"));
        assertThatThrownBy(() -> consumer(dir).process(jwt)).isInstanceOf(InvalidJwtException.class);
    }

    private static JwtConsumer consumer(Path dir) throws Exception {
        return new JwtConsumerBuilder()
                .setExpectedIssuer(JwtKeys.ISSUER)
                .setExpectedAudience(JwtKeys.AUDIENCE)
                .setRequireExpirationTime()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(
                        new JsonWebKeySet(Files.readString(dir.resolve("jwks.json"))).getJsonWebKeys()))
                .build();
    }
}
