package vn.ntm.localinfra;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code ./token.sh --role=org --org=UBND_XA:06490 [--province=20] [--sub=name] [--hours=8]}: prints a bearer token
 * signed with the local key in {@code .data/keys} (made by ./run.sh). Only services started by ./run.sh trust it.
 */
public final class MintToken {
    private static final List<String> ROLES = List.of("admin", "inspector", "org", "viewer", "ops");

    public static void main(String[] args) {
        String role = null;
        String subject = null;
        String province = null;
        long hours = 8;
        List<String> orgs = new java.util.ArrayList<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            String value = kv.length > 1 ? kv[1] : "";
            switch (kv[0]) {
                case "role" -> role = value;
                case "org" -> orgs.add(value);
                case "province" -> province = value;
                case "sub" -> subject = value;
                case "hours" -> hours = Long.parseLong(value);
                default -> fail("unknown option " + arg);
            }
        }
        if (role == null || !ROLES.contains(role)) {
            fail("--role must be one of " + ROLES);
        }
        if (("inspector".equals(role) || "viewer".equals(role)) && province == null) {
            fail("--role=" + role + " needs --province=<code>");
        }
        if ("org".equals(role) && orgs.isEmpty()) {
            fail("--role=org needs at least one --org=TYPE:CODE");
        }
        Path data = Path.of(System.getenv().getOrDefault("NTM_DATA_DIR",
                Path.of(System.getProperty("ntm.root", ".")).resolve(".data").toString()));
        Tokens.Token token = JwtKeys.in(data.resolve("keys")).tokens()
                .token(subject != null ? subject : role + "-local", role)
                .expiresAt(Instant.now().plus(Duration.ofHours(hours)));
        if (province != null) {
            token.province(province);
        }
        orgs.forEach(token::org);
        System.out.println(token.jwt());
    }

    private static void fail(String message) {
        System.err.println("token: " + message);
        System.err.println("usage: ./token.sh --role=admin|inspector|org|viewer|ops [--province=20]"
                + " [--org=UBND_XA:06490 ...] [--sub=name] [--hours=8]");
        System.exit(2);
    }

    private MintToken() {
    }
}
