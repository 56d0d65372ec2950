package vn.ntm.platform.http;

import vn.ntm.platform.http.ServiceException.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code q} parameter of a list, as people type it: words separated by spaces, each of which must occur in
 * what the item shows (all of them, in any order). Each word becomes a SQL {@code LIKE} pattern
 * {@code %word%} with {@code %}, {@code _} and the escape character {@value #ESCAPE} escaped; the database folds
 * the pattern and the text alike (diacritics and case removed: the services' {@code ntm_fold} function), so the
 * patterns here keep the words as typed.
 */
public final class SearchTerms {
    /** The escape character of the patterns: write {@code like <pattern> escape '!'}. */
    public static final char ESCAPE = '!';
    public static final int MAX_LENGTH = 200;
    public static final int MAX_WORDS = 8;

    private SearchTerms() {
    }

    /** The LIKE patterns of {@code q}, none when it is absent or blank; a bad {@code q} adds an error on field "q". */
    public static List<String> patterns(String q, List<FieldError> errors) {
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
        List<String> patterns = new ArrayList<>();
        for (String word : words) {
            patterns.add("%" + escaped(word) + "%");
        }
        return List.copyOf(patterns);
    }

    static String escaped(String word) {
        StringBuilder out = new StringBuilder(word.length() + 4);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == ESCAPE || c == '%' || c == '_') {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }
}
