package vn.ntm.platform.i18n;

import org.jboss.logging.Logger;

import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The message catalogs and the language rule. Answers are Vietnamese unless the request's {@code Accept-Language}
 * prefers English ({@code en}, {@code en-US}…); any other or no language gets Vietnamese. Keys are looked up in
 * the service's own catalog ({@value #SERVICE_BUNDLE}, {@code messages/service_vi.properties} and
 * {@code _en}), then in platform-outbox's ({@value #OUTBOX_BUNDLE}) and platform-http's ({@value #PLATFORM_BUNDLE}). Catalogs are UTF-8 properties files,
 * patterns in {@link MessageFormat} syntax (a literal apostrophe is written {@code ''}).
 */
public final class Messages {
    private static final Logger LOG = Logger.getLogger(Messages.class);
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LANGUAGES = List.of(VIETNAMESE, ENGLISH);
    public static final String SERVICE_BUNDLE = "messages.service";
    public static final String PLATFORM_BUNDLE = "messages.problems";
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** platform-outbox's messages (its admin endpoints). */
    public static final String OUTBOX_BUNDLE = "messages.outbox";

    private static final List<String> BUNDLES = List.of(SERVICE_BUNDLE, OUTBOX_BUNDLE, PLATFORM_BUNDLE);
    private static final Pattern NAME = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(,[^{}]*)?}");
    private static final int MAX_HEADER = 1000;

    private Messages() {
    }

    /** The language of the answer to a request with this {@code Accept-Language} header (may be null). */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > MAX_HEADER) {
            return VIETNAMESE;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return VIETNAMESE;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String tag = range.getRange().toLowerCase(Locale.ROOT);
            if (tag.equals("en") || tag.startsWith("en-")) {
                return ENGLISH;
            }
            if (tag.equals("vi") || tag.startsWith("vi-") || tag.equals("*")) {
                return VIETNAMESE;
            }
        }
        return VIETNAMESE;
    }

    /** The text in the language (Vietnamese for any locale but English); the key itself if no catalog has it. */
    public static String format(LocalizedText text, Locale locale) {
        Locale language = supported(locale);
        String pattern = pattern(text.key(), language);
        if (pattern == null) {
            LOG.warnf("no message %s in %s", text.key(), language);
            return text.key();
        }
        List<Object> raw = new ArrayList<>(text.args());
        if (!text.names().isEmpty()) {
            // named placeholders become positional ones after the positional arguments
            Matcher m = NAME.matcher(pattern);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                if (text.names().containsKey(name)) {
                    raw.add(text.names().get(name));
                    String style = m.group(2) == null ? "" : m.group(2);
                    m.appendReplacement(out, Matcher.quoteReplacement("{" + (raw.size() - 1) + style + "}"));
                } else {
                    m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                }
            }
            m.appendTail(out);
            pattern = out.toString();
        }
        try {
            MessageFormat format = new MessageFormat(pattern, language);
            Format[] formats = format.getFormatsByArgumentIndex();
            Object[] args = new Object[raw.size()];
            for (int i = 0; i < args.length; i++) {
                // {0,number} groups in the language (50.000 in Vietnamese); a plain {0} leaves codes and years as is
                boolean numeric = i < formats.length && formats[i] instanceof NumberFormat && raw.get(i) instanceof Number;
                args[i] = numeric ? raw.get(i) : argument(raw.get(i), language);
            }
            return format.format(args);
        } catch (IllegalArgumentException e) {
            LOG.warnf("message %s in %s is not a valid pattern: %s", text.key(), language, e.getMessage());
            return pattern;
        }
    }

    /** The pattern of a key in a language, or null. */
    public static String pattern(String key, Locale locale) {
        for (String bundle : BUNDLES) {
            ResourceBundle catalog = bundle(bundle, supported(locale));
            if (catalog != null && catalog.containsKey(key)) {
                return catalog.getString(key);
            }
        }
        return null;
    }

    /** A catalog in one language, without falling back to another language; null if there is none. */
    public static ResourceBundle bundle(String baseName, Locale locale) {
        try {
            return ResourceBundle.getBundle(baseName, locale, Messages.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private static Locale supported(Locale locale) {
        return locale != null && ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : VIETNAMESE;
    }

    /**
     * Text arguments as they are (no locale number grouping of codes or years: a quantity is grouped only where the
     * pattern says {@code {0,number}}); dates dd/MM/yyyy.
     */
    private static Object argument(Object arg, Locale language) {
        if (arg instanceof LocalizedText nested) {
            return nested.in(language);
        }
        if (arg instanceof ByteSize size) {
            return size.in(language);
        }
        if (arg instanceof LocalDate date) {
            return DATE.format(date);
        }
        if (arg instanceof Collection<?> items) {
            return items.stream().map(i -> String.valueOf(argument(i, language))).collect(Collectors.joining(", "));
        }
        return String.valueOf(arg);
    }
}
