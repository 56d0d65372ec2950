package vn.ntm.localinfra;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Mints RS256 bearer tokens for local use and tests, in the claim layout the services expect (README "Access
 * control"): {@code groups} = roles, {@code province} = a province code, {@code orgs} = organisation claims such as
 * {@code UBND_XA:06490}. Only the local and test configurations trust these keys.
 */
public final class Tokens {
    private final JwtKeys keys;

    Tokens(JwtKeys keys) {
        this.keys = keys;
    }

    /** A builder for a token with the given subject ({@code null}: a token without {@code sub}) and role. */
    public Token token(String subject, String role) {
        return new Token(subject, role);
    }

    public final class Token {
        private final String subject;
        private final List<String> roles = new ArrayList<>();
        private final List<String> orgs = new ArrayList<>();
        private String province;
        private String name;
        private String issuer = JwtKeys.ISSUER;
        private String audience = JwtKeys.AUDIENCE;
        private Instant expiresAt = Instant.now().plus(Duration.ofHours(8));
        private RSAPrivateKey signingKey = keys.privateKey();

        private Token(String subject, String role) {
            this.subject = subject;
            this.roles.add(role);
        }

        public Token role(String role) {
            roles.add(role);
            return this;
        }

        /** A display name ({@code upn} and {@code preferred_username}) other than the subject; by default the subject. */
        public Token name(String displayName) {
            this.name = displayName;
            return this;
        }

        public Token province(String provinceCode) {
            this.province = provinceCode;
            return this;
        }

        /** An organisation claim: {@code UBND_XA:<code>}, {@code UBND_HUYEN:<code>},
         * {@code SO_NGANH:<province>:<sector>} or {@code VP_DIEU_PHOI:<province>}. */
        public Token org(String organisation) {
            orgs.add(organisation);
            return this;
        }

        public Token issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Token audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Token expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Signs with another key, as a forged token would be. */
        public Token signedWith(RSAPrivateKey key) {
            this.signingKey = key;
            return this;
        }

        /** The compact JWS, signed by smallrye-jwt-build (RS256). */
        public String jwt() {
            JwtClaimsBuilder claims = Jwt.issuer(issuer)
                    .audience(audience)
                    .upn(name == null ? subject : name)
                    .issuedAt(Instant.now())
                    .expiresAt(expiresAt)
                    .groups(new LinkedHashSet<>(roles));
            if (subject != null) {
                claims.subject(subject);
            }
            if (name != null) {
                claims.preferredUserName(name);
            }
            if (province != null) {
                claims.claim("province", province);
            }
            if (!orgs.isEmpty()) {
                claims.claim("orgs", List.copyOf(orgs));
            }
            return claims.jws().keyId(JwtKeys.KEY_ID).sign(signingKey);
        }

        /** The value of an {@code Authorization} header. */
        public String bearer() {
            return "Bearer " + jwt();
        }
    }
}
