package vn.ntm.criteria;

import vn.ntm.localinfra.JwtKeys;
import vn.ntm.testinfra.TestInfrastructure;
import vn.ntm.localinfra.Tokens;

import java.time.Instant;

/** {@code Authorization} header values for the callers of SECURITY.md, signed by this test JVM's token issuer. */
public final class AuthFixture {
    private AuthFixture() {
    }

    private static Tokens tokens() {
        return TestInfrastructure.get().tokens();
    }

    public static String admin() {
        return tokens().token("admin-test", "admin").bearer();
    }

    public static String inspector(String province) {
        return tokens().token("inspector-" + province, "inspector").province(province).bearer();
    }

    public static String org(String organisation) {
        return tokens().token("org-" + organisation, "org").org(organisation).bearer();
    }

    public static String viewer(String province) {
        return tokens().token("viewer-" + province, "viewer").province(province).bearer();
    }

    public static String ops() {
        return tokens().token("ops-test", "ops").bearer();
    }

    /** Admin tokens that must be refused: expired, signed by another key, another issuer, another audience. */
    public static String expiredAdmin() {
        return tokens().token("admin-test", "admin").expiresAt(Instant.now().minusSeconds(600)).bearer();
    }

    public static String forgedAdmin() {
        return tokens().token("admin-test", "admin").signedWith(JwtKeys.foreignKey()).bearer();
    }

    public static String foreignIssuerAdmin() {
        return tokens().token("admin-test", "admin").issuer("https://other-province.example/issuer").bearer();
    }

    /** An admin token without {@code sub}, naming its user only by {@code upn}: the services record no such actor. */
    public static String adminWithoutSubject() {
        return tokens().token(null, "admin").name("admin-by-name").bearer();
    }

    /** An admin whose subject differs from its display name ({@code upn}, {@code preferred_username}). */
    public static String adminNamed(String subject, String displayName) {
        return tokens().token(subject, "admin").name(displayName).bearer();
    }

    public static String foreignAudienceAdmin() {
        return tokens().token("admin-test", "admin").audience("some-other-system").bearer();
    }
}
