package vn.ntm.platform.http;

/**
 * The one ETag policy of every service: a resource's ETag is its version number in quotes ({@code "3"}); an
 * {@code If-Match} is accepted strong or weak ({@code "3"}, {@code W/"3"}) or bare ({@code 3}).
 */
public final class EntityTags {
    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} names, or null when it names none. */
    public static Long version(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
