package vn.ntm.platform.http;

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
import java.util.Map;
import java.util.UUID;
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

    private JsonErrors() {
    }

    /** A problem for a request body Jackson could not read: 400, validation when a field is known. */
    static Problem problem(JsonProcessingException e, String instance) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidTextException text) {
                return invalidText(text, instance);
            }
        }
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return Problem.of(ProblemKind.MALFORMED_REQUEST, 400,
                    "The request body is not well-formed JSON: " + scrub(e.getOriginalMessage()), instance,
                    List.of());
        }
        String field = JsonPointers.field(mapping);
        String message = message(mapping);
        if (field.isEmpty()) {
            return Problem.of(ProblemKind.MALFORMED_REQUEST, 400,
                    "The request body does not have the shape this resource expects: " + message, instance,
                    List.of());
        }
        return Problem.of(ProblemKind.VALIDATION, 400, "The request has invalid fields.", instance,
                List.of(new FieldError(field, message)));
    }

    /** Jackson wraps the parser's refusal in mapping exceptions whose path stops short; the pointer is exact. */
    private static Problem invalidText(InvalidTextException text, String instance) {
        return Problem.of(ProblemKind.VALIDATION, 400, "The request has invalid fields.", instance,
                List.of(new FieldError(JsonPointers.toField(text.pointer()), InvalidTextException.MESSAGE)));
    }

    static String message(JsonMappingException e) {
        if (e instanceof PropertyBindingException) {
            return "is not a field of this resource";
        }
        if (e instanceof InvalidFormatException format) {
            return "'" + scrub(String.valueOf(format.getValue())) + "' is not " + expected(format.getTargetType());
        }
        if (e instanceof ValueInstantiationException) {
            return "has a value that cannot be used here";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
                return "the body must hold exactly one JSON value";
            }
            return "must be " + expected(mismatch.getTargetType());
        }
        return scrub(e.getOriginalMessage());
    }

    /** What a value of this Java type looks like in JSON. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of the expected type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == OffsetDateTime.class || type == Instant.class || type == ZonedDateTime.class
                || type == LocalDateTime.class) {
            return "a date-time (ISO-8601, e.g. 2025-06-30T08:00:00Z)";
        }
        if (type == LocalTime.class) {
            return "a time (HH:MM[:SS])";
        }
        if (type == Year.class) {
            return "a year";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "a value of the expected type";
    }

    /** Removes Java type names from a framework message. */
    static String scrub(String message) {
        if (message == null) {
            return "";
        }
        return JAVA_NAME.matcher(message).replaceAll("value").strip();
    }
}
