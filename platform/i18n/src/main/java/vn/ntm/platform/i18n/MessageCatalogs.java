package vn.ntm.platform.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks of the message catalogs, for each module's tests: every key in both languages with the same placeholders,
 * every pattern valid, and every key the sources name (the literal first argument of {@code LocalizedText.of} and
 * {@code named}, the key argument of {@code FieldError.of} or {@code Violation.of}, a Bean Validation template naming a key) present. Returns what is wrong, one line each.
 */
public final class MessageCatalogs {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)[^}]*}");
    private static final List<Pattern> USES = List.of(
            Pattern.compile("LocalizedText\\.(?:of|named)\\(\\s*\"([^\"]+)\""),
            Pattern.compile("\\b(?:FieldError|Violation)\\.of\\(\\s*(?:\"[^\"]*\"|[^,\"()])+,\\s*\"([^\"]+)\""),
            Pattern.compile("message\\s*=\\s*\"\\{([^}\"]+)}\""),
            Pattern.compile("\"\\{([a-z][A-Za-z0-9_]*\\.[A-Za-z0-9_.]+)}\""));

    private MessageCatalogs() {
    }

    /**
     * The check every module's tests run on its own catalog: it exists in both languages, every key is in both with
     * the same placeholders and a valid pattern ({@link #checkCatalog}), and every key named in {@code sources} exists
     * ({@link #checkSources}). A test asserts the list is empty.
     */
    public static List<String> checkModule(String baseName, Path sources) {
        List<String> problems = new ArrayList<>();
        if (keys(baseName, Messages.VIETNAMESE).isEmpty() || keys(baseName, Messages.ENGLISH).isEmpty()) {
            problems.add(baseName + ": no catalog in Vietnamese and English");
            return problems;
        }
        problems.addAll(checkCatalog(baseName));
        problems.addAll(checkSources(sources));
        return problems;
    }

    /** The problems of one catalog ({@code messages.service}…) in both languages; none if it does not exist. */
    public static List<String> checkCatalog(String baseName) {
        List<String> problems = new ArrayList<>();
        Properties vi = load(baseName, Messages.VIETNAMESE);
        Properties en = load(baseName, Messages.ENGLISH);
        if (vi == null && en == null) {
            return problems;
        }
        if (vi == null || en == null) {
            problems.add(baseName + ": only in one language");
            return problems;
        }
        for (String key : union(vi.stringPropertyNames(), en.stringPropertyNames())) {
            String v = vi.getProperty(key);
            String e = en.getProperty(key);
            if (v == null) {
                problems.add(baseName + ": " + key + " has no Vietnamese text");
            } else if (e == null) {
                problems.add(baseName + ": " + key + " has no English text");
            } else {
                if (!placeholders(v).equals(placeholders(e))) {
                    problems.add(baseName + ": " + key + " has placeholders " + placeholders(v) + " in Vietnamese but "
                            + placeholders(e) + " in English");
                }
                checkPattern(baseName, key, "vi", v, problems);
                checkPattern(baseName, key, "en", e, problems);
            }
        }
        return problems;
    }

    /** Keys named in the Java sources under {@code sources} that no catalog has in both languages. */
    public static List<String> checkSources(Path sources) {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file);
                for (Pattern use : USES) {
                    Matcher m = use.matcher(text);
                    while (m.find()) {
                        String key = m.group(1);
                        if (key.endsWith(".")) {
                            continue; // a prefix completed at run time (an enum's name): checked by its own test
                        }
                        for (Locale language : Messages.LANGUAGES) {
                            if (Messages.pattern(key, language) == null) {
                                problems.add(sources.relativize(file) + ": key " + key + " has no "
                                        + language.getDisplayLanguage(Locale.ENGLISH) + " text");
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    /** The keys of a catalog in one language (empty if there is none). */
    public static Set<String> keys(String baseName, Locale language) {
        Properties catalog = load(baseName, language);
        return catalog == null ? Set.of() : new TreeSet<>(catalog.stringPropertyNames());
    }

    private static void checkPattern(String baseName, String key, String language, String pattern,
                                     List<String> problems) {
        // '' is an apostrophe, '{id}' literal braces; any other apostrophe would swallow text
        if (pattern.replace("''", "").replaceAll("'\\{[^']*}'", "").indexOf('\'') >= 0) {
            problems.add(baseName + "_" + language + ": " + key + " has a single apostrophe; write ''");
        }
        try {
            new java.text.MessageFormat(PLACEHOLDER.matcher(pattern).replaceAll("{0}"));
        } catch (IllegalArgumentException e) {
            problems.add(baseName + "_" + language + ": " + key + " is not a valid pattern: " + e.getMessage());
        }
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern.replace("''", ""));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    private static Properties load(String baseName, Locale language) {
        String resource = baseName.replace('.', '/') + "_" + language.getLanguage() + ".properties";
        try (InputStream in = MessageCatalogs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties out = new Properties();
            out.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
