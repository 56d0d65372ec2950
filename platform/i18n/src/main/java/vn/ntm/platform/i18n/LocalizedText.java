package vn.ntm.platform.i18n;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A text for people, kept as a catalog key and its arguments until the answer's language is known
 * ({@link Messages}). Arguments are placed by position ({@code {0}}) or, for {@link #named} texts, by name
 * ({@code {max}}); an argument that is itself a {@code LocalizedText} is resolved in the same language, a
 * {@code LocalDate} is written {@code dd/MM/yyyy}. Never concatenate resolved fragments: give the whole sentence a
 * key.
 */
public record LocalizedText(String key, List<Object> args, Map<String, Object> names) {

    public LocalizedText {
        Objects.requireNonNull(key, "key");
        args = args == null ? List.of() : Collections.unmodifiableList(Arrays.asList(args.toArray()));
        names = names == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }

    /** The text of {@code key} with positional arguments {@code {0}}, {@code {1}}… */
    public static LocalizedText of(String key, Object... args) {
        return new LocalizedText(key, args == null ? List.of() : Arrays.asList(args), Map.of());
    }

    /** The text of {@code key} with named arguments ({@code {min}}, {@code {max}}), as Bean Validation's. */
    public static LocalizedText named(String key, Map<String, ?> names) {
        return new LocalizedText(key, List.of(), new LinkedHashMap<>(names));
    }

    /** This text in the given language. */
    public String in(Locale locale) {
        return Messages.format(this, locale);
    }

    /** Vietnamese, the default language. */
    @Override
    public String toString() {
        return in(Messages.VIETNAMESE);
    }
}
