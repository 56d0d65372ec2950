package vn.ntm.inspection.shared;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The verified token of the current request as a {@link Caller}; the claims are documented in the README. */
@RequestScoped
public class CurrentCaller {
    private final JsonWebToken jwt;

    public CurrentCaller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public Caller get() {
        Set<String> roles = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
        return new Caller(jwt.getName(), roles, text(jwt.getClaim("province")), orgs(jwt.getClaim("orgs")));
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
