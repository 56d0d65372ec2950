package vn.ntm.platform.http;

import vn.ntm.platform.http.ServiceException.FieldError;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code q} parameter of a list, as people type it: words separated by spaces, each of which must occur in
 * what the item shows (all of them, in any order). The database folds each word like the text it is compared with
 * (diacritics and case removed: the services' {@code ntm_fold} function, or {@code lower(unaccent(..))}) and only
 * then is the word made a {@code LIKE} pattern ({@link #containsPattern}): folding maps signs such as the
 * full-width {@code ％ ＿ ！ ＼} to {@code % _ ! \}, so a pattern escaped before folding would get live wildcards.
 */
public final class SearchTerms {
    /** The escape character of the patterns: write {@code like <pattern> escape '!'} ({@link #ESCAPE_CLAUSE}). */
    public static final char ESCAPE = '!';
    public static final String ESCAPE_CLAUSE = " escape '" + ESCAPE + "'";
    public static final int MAX_LENGTH = 200;
    public static final int MAX_WORDS = 8;

    private SearchTerms() {
    }

    /** The words of {@code q} as typed, none when it is absent or blank; a bad {@code q} adds an error on field "q". */
    public static List<String> words(String q, List<FieldError> errors) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        if (q.length() > MAX_LENGTH) {
            errors.add(FieldError.of("q", "problem.search.length", MAX_LENGTH));
            return List.of();
        }
        if (!q.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f && (c < 0xD800 || c > 0xDFFF))) {
            errors.add(FieldError.of("q", "problem.search.text"));
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>(List.of(q.strip().split("\\s+")));
        if (words.size() > MAX_WORDS) {
            errors.add(FieldError.of("q", "problem.search.words", MAX_WORDS));
            return List.of();
        }
        return List.copyOf(words);
    }

    /**
     * The SQL (and HQL) expression of the pattern "contains {@code folded}", where {@code folded} is an expression
     * of text already folded: {@code %}, {@code _} and {@value #ESCAPE} in it are escaped, then the wildcards added.
     * Compare with {@code like <this>} followed by {@link #ESCAPE_CLAUSE}.
     */
    public static String containsPattern(String folded) {
        return "('%' || replace(replace(replace(" + folded + ", '" + ESCAPE + "', '" + ESCAPE + ESCAPE + "'), '%', '"
                + ESCAPE + "%'), '_', '" + ESCAPE + "_') || '%')";
    }
}
