package vn.ntm.inspection.shared;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.ntm.platform.http.Actors;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The verified token of the current request as a {@link Caller}; the claims are documented in the README. */
@RequestScoped
public class CurrentCaller {
    private final JsonWebToken jwt;
    private final ProvinceSuccessions successions;
    private Caller caller;

    public CurrentCaller(JsonWebToken jwt, ProvinceSuccessions successions) {
        this.jwt = jwt;
        this.successions = successions;
    }

    /** The caller, with the provinces its province succeeded (looked up once per request, for a non-admin). */
    public Caller get() {
        if (caller == null) {
            Set<String> roles = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
            String province = text(jwt.getClaim("province"));
            Set<String> succeeded = province == null || roles.contains(Caller.ADMIN) ? Set.of()
                    : successions.predecessorsOf(province);
            caller = new Caller(Actors.of(jwt), roles, province, orgs(jwt.getClaim("orgs")), succeeded);
        }
        return caller;
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        String value = claim instanceof jakarta.json.JsonString json ? json.getString() : claim.toString();
        return value.isBlank() ? null : value;
    }

    private static List<String> orgs(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(CurrentCaller::text).filter(v -> v != null).toList();
        }
        String single = text(claim);
        return single == null ? List.of() : List.of(single);
    }
}
