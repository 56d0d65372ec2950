package vn.ntm.task;

import io.restassured.specification.RequestSpecification;
import vn.ntm.testinfra.TestInfrastructure;
import vn.ntm.localinfra.Tokens;

import static io.restassured.RestAssured.given;

/** Bearer tokens for the callers of README "Access control", signed by the test JVM's issuer. */
public final class Auth {
    private Auth() {
    }

    public static Tokens.Token token(String subject, String role) {
        return TestInfrastructure.get().tokens().token(subject, role);
    }

    public static String admin() {
        return token("admin-ntm", "admin").bearer();
    }

    public static String ops() {
        return token("ops-ntm", "ops").bearer();
    }

    public static String viewer(String province) {
        return token("viewer-" + province, "viewer").province(province).bearer();
    }

    public static String inspector(String province) {
        return token("inspector-" + province, "inspector").province(province).bearer();
    }

    /** An organisation's user; the subject names the first organisation. */
    public static String org(String... organisations) {
        Tokens.Token t = token("user-" + organisations[0], "org");
        for (String o : organisations) {
            t.org(o);
        }
        return t.bearer();
    }

    /** A request with this {@code Authorization} header (none when {@code bearer} is null). */
    public static RequestSpecification as(String bearer) {
        return bearer == null ? given() : given().header("Authorization", bearer);
    }

    public static RequestSpecification asAdmin() {
        return as(admin());
    }
}
