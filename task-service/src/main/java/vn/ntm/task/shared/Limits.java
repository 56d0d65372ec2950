package vn.ntm.task.shared;


import vn.ntm.platform.http.ServiceException.FieldError;
import vn.ntm.platform.i18n.LocalizedText;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Size and format limits of request fields and filters (README "Input limits"). Codes are identifiers, so they get
 * a format; free text accepts any text up to its length, except what PostgreSQL cannot store as text (U+0000) or
 * what is not Unicode at all (an unpaired surrogate, which would be stored as {@code ?}).
 */
public final class Limits {
    /** Administrative and organisation codes ({@code 06490}, {@code 20:GTVT}). */
    public static final String CODE = "^[A-Za-z0-9][A-Za-z0-9:._-]{0,39}$";
    /** The Bean Validation template of the code message ({@link #CODE_TEXT}). */
    public static final String CODE_MESSAGE = "{task.field.code}";
    public static final LocalizedText CODE_TEXT = LocalizedText.of("task.field.code");
    public static final String RULE_CODE = "^[A-Z][A-Z0-9_]{0,39}$";
    public static final LocalizedText RULE_CODE_TEXT = LocalizedText.of("task.field.ruleCode");
    /** Free text: anything but U+0000 and unpaired surrogates. */
    public static final String TEXT_CHARS = "[^\\x00\\p{Cs}]*";
    /** The Bean Validation template of the text message ({@link #TEXT_CHARS_TEXT}). */
    public static final String TEXT_CHARS_MESSAGE = "{problem.field.invalidText}";
    public static final LocalizedText TEXT_CHARS_TEXT = LocalizedText.of("problem.field.invalidText");

    public static final int TITLE = 500;
    public static final int NOTE = 4_000;
    /** The assignee's report of the work done (status REPORTED). */
    public static final int REPORT = 20_000;
    public static final int DESCRIPTION = 10_000;

    private static final Pattern CODE_PATTERN = Pattern.compile(CODE);
    private static final Pattern RULE_CODE_PATTERN = Pattern.compile(RULE_CODE);
    private static final Pattern TEXT_PATTERN = Pattern.compile(TEXT_CHARS);

    private Limits() {
    }

    public static boolean isRuleCode(String value) {
        return value != null && RULE_CODE_PATTERN.matcher(value).matches();
    }

    public static void code(String field, String value, List<FieldError> errors) {
        if (value != null && !CODE_PATTERN.matcher(value).matches()) {
            errors.add(new FieldError(field, CODE_TEXT));
        }
    }

    /** Free text of at most {@code max} characters. */
    public static void text(String field, String value, int max, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            errors.add(FieldError.of(field, "task.field.textSize", max));
        } else if (!TEXT_PATTERN.matcher(value).matches()) {
            errors.add(new FieldError(field, TEXT_CHARS_TEXT));
        }
    }
}
