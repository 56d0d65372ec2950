package vn.ntm.inspection.inspections;

import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Size and format limits of request fields (README "Input limits"). Codes are identifiers, so they get a format;
 * free text (names, notes, content) accepts any text up to its length.
 */
public final class Limits {
    /** Administrative, organisation ({@code 20:GTVT}) and criteria-set codes. */
    public static final String CODE = "^[A-Za-z0-9][A-Za-z0-9:._-]{0,39}$";
    /** The Bean Validation template of the code message ({@link #CODE_TEXT}). */
    public static final String CODE_MESSAGE = "{inspection.field.code}";
    public static final LocalizedText CODE_TEXT = LocalizedText.of("inspection.field.code");
    private static final Pattern CODE_PATTERN = Pattern.compile(CODE);

    public static final int NAME = 500;
    public static final int TEXT = 10_000;
    /** The notice's number and symbol ("245/TB-SNNMT"), its place, and its list of recipients ("Nơi nhận"). */
    public static final int NOTICE_NUMBER = 100;
    public static final int PLACE = 200;
    public static final int RECIPIENTS = 100;
    public static final int LONG_TEXT = 20_000;
    public static final int RESPONSIBLE = 50;
    public static final int FINDINGS = 200;
    public static final int FIGURE_NAME = 200;
    public static final int FIGURE_PRECISION = 40;
    public static final int FIGURE_SCALE = 20;
    public static final int MAX_PAGE = 100_000;
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    public static final LocalDate FIRST_DATE = LocalDate.of(FIRST_YEAR, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(LAST_YEAR, 12, 31);
    /** Legal documents an inspection relies on may be older than the programme. */
    public static final LocalDate FIRST_LEGAL_DATE = LocalDate.of(1900, 1, 1);

    public static boolean isCode(String value) {
        return value != null && CODE_PATTERN.matcher(value).matches();
    }

    static void code(String field, String value, List<ServiceException.FieldError> errors) {
        if (value != null && !isCode(value)) {
            errors.add(new ServiceException.FieldError(field, CODE_TEXT));
        }
    }

    static void length(String field, String value, int max, List<ServiceException.FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(ServiceException.FieldError.of(field, "inspection.field.textSize", max));
        }
    }

    static void date(String field, LocalDate value, LocalDate first, List<ServiceException.FieldError> errors) {
        if (value != null && (value.isBefore(first) || value.isAfter(LAST_DATE))) {
            errors.add(ServiceException.FieldError.of(field, "inspection.field.dateRange", first, LAST_DATE));
        }
    }

    static void figure(String field, BigDecimal value, List<ServiceException.FieldError> errors) {
        if (value == null) {
            errors.add(ServiceException.FieldError.of(field, "jakarta.validation.constraints.NotNull.message"));
        } else if (value.precision() > FIGURE_PRECISION || Math.abs(value.scale()) > FIGURE_SCALE) {
            errors.add(ServiceException.FieldError.of(field, "inspection.field.figure", FIGURE_PRECISION,
                    FIGURE_SCALE));
        }
    }

    private Limits() {
    }
}
