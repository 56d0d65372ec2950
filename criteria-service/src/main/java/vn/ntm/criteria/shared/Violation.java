package vn.ntm.criteria.shared;

import vn.ntm.platform.i18n.LocalizedText;
/** One broken rule, located by the JSON path of the offending field in the set document. */
public record Violation(String field, LocalizedText message) {
    /** The message of catalog key {@code key} with its arguments. */
    public static Violation of(String field, String key, Object... args) {
        return new Violation(field, LocalizedText.of(key, args));
    }
}
