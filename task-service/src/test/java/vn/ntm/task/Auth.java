package vn.ntm.task;

import io.restassured.specification.RequestSpecification;
import vn.ntm.testinfra.TestInfrastructure;
import vn.ntm.localinfra.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/**
 * Bearer tokens for the callers of README "Access control", signed by the test JVM's issuer. The callers' tokens
 * are minted once and reused, as a client reuses its token until it expires (valid for 8 h; minted again after an
 * hour): an RS256 signature costs ~10 ms under the tests' C1-only JIT, more than most requests, and thousands of
 * requests use them. {@link #token} mints a new one each time, for tests of a token's claims or expiry.
 */
public final class Auth {
    private static final Duration REUSE = Duration.ofHours(1);
    private static final Map<String, Minted> MINTED = new ConcurrentHashMap<>();

    private record Minted(String bearer, Instant at) {
    }

    private Auth() {
    }

    public static Tokens.Token token(String subject, String role) {
        return TestInfrastructure.get().tokens().token(subject, role);
    }

    /** The bearer of this caller, minted by {@code mint} the first time (and again after an hour). */
    private static String reused(String caller, Supplier<String> mint) {
        Instant now = Instant.now();
        return MINTED.compute(caller, (k, m) -> m == null || m.at().plus(REUSE).isBefore(now)
                ? new Minted(mint.get(), now) : m).bearer();
    }

    public static String admin() {
        return reused("admin", () -> token("admin-ntm", "admin").bearer());
    }

    public static String ops() {
        return reused("ops", () -> token("ops-ntm", "ops").bearer());
    }

    public static String viewer(String province) {
        return reused("viewer:" + province, () -> token("viewer-" + province, "viewer").province(province).bearer());
    }

    public static String inspector(String province) {
        return reused("inspector:" + province,
                () -> token("inspector-" + province, "inspector").province(province).bearer());
    }

    /** An organisation's user; the subject names the first organisation. */
    public static String org(String... organisations) {
        return reused("org:" + String.join(",", organisations), () -> {
            Tokens.Token t = token("user-" + organisations[0], "org");
            for (String o : organisations) {
                t.org(o);
            }
            return t.bearer();
        });
    }

    /** A request with this {@code Authorization} header (none when {@code bearer} is null). */
    public static RequestSpecification as(String bearer) {
        return bearer == null ? given() : given().header("Authorization", bearer);
    }

    public static RequestSpecification asAdmin() {
        return as(admin());
    }
}
