package vn.ntm.task.shared;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.ntm.platform.http.Actors;
import vn.ntm.task.shared.Caller.Organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The caller of this request, read from its verified bearer token ({@code sub}, {@code groups}, {@code province},
 * {@code orgs}).
 */
@RequestScoped
public class Callers {
    private final JsonWebToken token;

    public Callers(JsonWebToken token) {
        this.token = token;
    }

    public Caller current() {
        Set<String> roles = token.getGroups() == null ? Set.of() : token.getGroups();
        List<Organisation> orgs = strings(token.getClaim("orgs")).stream().map(Organisation::parse)
                .filter(Objects::nonNull).toList();
        List<String> province = strings(token.getClaim("province"));
        // the actor of history entries and notes is the subject (sub), never a display name (Actors)
        return new Caller(Actors.of(token), roles, province.isEmpty() ? null : province.get(0),
                orgs);
    }

    /** A claim as strings, whether it is one value or an array, a JSON value or a plain Java one. */
    private static List<String> strings(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim instanceof Collection<?> many) {
            many.forEach(v -> out.addAll(strings(v)));
        } else if (claim instanceof JsonString s) {
            out.add(s.getString());
        } else if (claim instanceof JsonValue v && v.getValueType() == JsonValue.ValueType.NUMBER) {
            out.add(v.toString());
        } else if (claim instanceof String || claim instanceof Number) {
            out.add(claim.toString());
        }
        return out;
    }
}
