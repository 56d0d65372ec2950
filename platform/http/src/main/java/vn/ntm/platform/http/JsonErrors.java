package vn.ntm.platform.http;

import vn.ntm.platform.i18n.LocalizedText;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import vn.ntm.platform.http.ServiceException.FieldError;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Client-facing descriptions of Jackson's failures. Jackson's own messages name Java types
 * ({@code Cannot deserialize value of type `java.time.LocalDate`…}); these name what the client must send instead.
 */
final class JsonErrors {
    /** A qualified Java name ({@code java.time.LocalDate}, {@code vn.ntm.x.Y$Z}) or a back-quoted one. */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "`[^`]*`|\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Za-z_$][\\w$]*\\b|\\(through reference chain:[^)]*\\)");

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '([^']*)'");

    private JsonErrors() {
    }

    /** A problem for a request body Jackson could not read: 400, validation when a field is known. */
    static Problem problem(JsonProcessingException e, String instance, Locale locale) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidTextException text) {
                return invalidText(text, instance, locale);
            }
        }
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return Problem.of(ProblemKind.MALFORMED_REQUEST, 400, notJson(e), instance, List.of(), locale);
        }
        String field = JsonPointers.field(mapping);
        LocalizedText message = message(mapping);
        if (field.isEmpty()) {
            return Problem.of(ProblemKind.MALFORMED_REQUEST, 400, LocalizedText.of("problem.body.shape", message),
                    instance, List.of(), locale);
        }
        return Problem.of(ProblemKind.VALIDATION, 400, LocalizedText.of("problem.validation.detail"), instance,
                List.of(new FieldError(field, message)), locale);
    }

    /** Jackson wraps the parser's refusal in mapping exceptions whose path stops short; the pointer is exact. */
    private static Problem invalidText(InvalidTextException text, String instance, Locale locale) {
        return Problem.of(ProblemKind.VALIDATION, 400, LocalizedText.of("problem.validation.detail"), instance,
                List.of(new FieldError(JsonPointers.toField(text.pointer()), InvalidTextException.TEXT)), locale);
    }

    /** Why a body is not JSON, from the parser's refusal, without its (English) words. */
    static LocalizedText notJson(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        Matcher duplicate = DUPLICATE.matcher(original);
        if (duplicate.find()) {
            return LocalizedText.of("problem.body.duplicateKey", scrub(duplicate.group(1)));
        }
        if (original.startsWith("Trailing token") || original.contains("trailing token")) {
            return LocalizedText.of("problem.body.trailing");
        }
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            return LocalizedText.of("problem.body.notJsonAt", at.getLineNr(), at.getColumnNr());
        }
        return LocalizedText.of("problem.body.notJson");
    }

    static LocalizedText message(JsonMappingException e) {
        if (e instanceof PropertyBindingException) {
            return LocalizedText.of("problem.field.unknown");
        }
        if (e instanceof InvalidFormatException format) {
            return LocalizedText.of("problem.field.invalidValue", scrub(String.valueOf(format.getValue())),
                    expected(format.getTargetType()));
        }
        if (e instanceof ValueInstantiationException) {
            return LocalizedText.of("problem.field.unusable");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
                return LocalizedText.of("problem.body.trailing");
            }
            return LocalizedText.of("problem.field.mustBe", expected(mismatch.getTargetType()));
        }
        return LocalizedText.of("problem.field.unusable");
    }

    /** What a value of this Java type looks like in JSON. */
    static LocalizedText expected(Class<?> type) {
        if (type == null) {
            return LocalizedText.of("problem.expected.any");
        }
        if (type.isEnum()) {
            return LocalizedText.of("problem.expected.oneOf", Arrays.stream(type.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")));
        }
        if (type == LocalDate.class) {
            return LocalizedText.of("problem.expected.date");
        }
        if (type == OffsetDateTime.class || type == Instant.class || type == ZonedDateTime.class
                || type == LocalDateTime.class) {
            return LocalizedText.of("problem.expected.dateTime");
        }
        if (type == LocalTime.class) {
            return LocalizedText.of("problem.expected.time");
        }
        if (type == Year.class) {
            return LocalizedText.of("problem.expected.year");
        }
        if (type == UUID.class) {
            return LocalizedText.of("problem.expected.uuid");
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return LocalizedText.of("problem.expected.integer");
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return LocalizedText.of("problem.expected.number");
        }
        if (type == boolean.class || type == Boolean.class) {
            return LocalizedText.of("problem.expected.boolean");
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return LocalizedText.of("problem.expected.string");
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return LocalizedText.of("problem.expected.array");
        }
        if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
            return LocalizedText.of("problem.expected.object");
        }
        return LocalizedText.of("problem.expected.any");
    }

    /** Removes Java type names from a framework message. */
    static String scrub(String message) {
        if (message == null) {
            return "";
        }
        return JAVA_NAME.matcher(message).replaceAll("value").strip();
    }
}
