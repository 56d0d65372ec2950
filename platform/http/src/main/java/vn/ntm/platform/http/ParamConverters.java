package vn.ntm.platform.http;

import jakarta.validation.Constraint;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import vn.ntm.platform.http.ServiceException.FieldError;
import vn.ntm.platform.i18n.LocalizedText;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed query parameters: {@code LocalDate} ({@code YYYY-MM-DD}), {@code boolean}, {@code int}, {@code long},
 * {@code UUID} and enums (a constant's name or {@code toString()}, any case). A value is read without its surrounding
 * spaces, and an empty one counts as absent ({@code @DefaultValue} applies). A value that cannot be read is a 400
 * validation problem naming the parameter ({@link InvalidParamException}), with the message of {@link ParamMessage},
 * else of the parameter's constraint ({@code @Min}, {@code @Max}, {@code @Range}… with their attributes), else the
 * type's own. Path parameters keep JAX-RS's answer (404: no such resource).
 */
@Provider
public class ParamConverters implements ParamConverterProvider {
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Set<String> NOT_ARGUMENTS = Set.of("message", "groups", "payload");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        QueryParam query = find(annotations, QueryParam.class);
        if (query == null) {
            return null;
        }
        Function<String, Object> read = reader(rawType);
        if (read == null) {
            return null;
        }
        String name = query.value();
        LocalizedText message = message(rawType, annotations);
        DefaultValue fallback = find(annotations, DefaultValue.class);
        ParamsDetail detail = find(annotations, ParamsDetail.class);
        return (ParamConverter<T>) new ParamConverter<Object>() {
            @Override
            public Object fromString(String value) {
                String text = value == null || value.isBlank() ? fallback == null ? null : fallback.value()
                        : value.strip();
                if (text == null) {
                    return null;
                }
                try {
                    return read.apply(text);
                } catch (RuntimeException e) {
                    throw new InvalidParamException(new FieldError(name, message), detail == null ? null : detail.value());
                }
            }

            @Override
            public String toString(Object value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /** How a type is read; null for types JAX-RS reads itself. */
    static Function<String, Object> reader(Class<?> type) {
        if (type == LocalDate.class) {
            return ParamConverters::date;
        }
        if (type == Boolean.class || type == boolean.class) {
            return ParamConverters::bool;
        }
        if (type == Integer.class || type == int.class) {
            return Integer::valueOf;
        }
        if (type == Long.class || type == long.class) {
            return Long::valueOf;
        }
        if (type == UUID.class) {
            return UUID::fromString;
        }
        if (type.isEnum()) {
            return v -> constant(type, v);
        }
        return null;
    }

    /** The message of a value that cannot be read: {@link ParamMessage}, the constraint's, or the type's. */
    static LocalizedText message(Class<?> type, Annotation[] annotations) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        String constraintKey = null;
        for (Annotation annotation : annotations) {
            if (!annotation.annotationType().isAnnotationPresent(Constraint.class)) {
                continue;
            }
            for (Method attribute : annotation.annotationType().getDeclaredMethods()) {
                Object value = attribute(annotation, attribute);
                if (attribute.getName().equals("message")) {
                    String template = String.valueOf(value);
                    if (constraintKey == null && template.startsWith("{") && template.endsWith("}")) {
                        constraintKey = template.substring(1, template.length() - 1);
                    }
                } else if (!NOT_ARGUMENTS.contains(attribute.getName())) {
                    arguments.putIfAbsent(attribute.getName(), value);
                }
            }
        }
        ParamMessage explicit = find(annotations, ParamMessage.class);
        if (explicit != null) {
            return LocalizedText.named(explicit.value(), arguments);
        }
        if (constraintKey != null && !constraintKey.startsWith("jakarta.validation.")
                && !constraintKey.startsWith("org.hibernate.validator.")) {
            return LocalizedText.named(constraintKey, arguments);
        }
        if (type == LocalDate.class) {
            return LocalizedText.of("problem.param.date");
        }
        if (type == Boolean.class || type == boolean.class) {
            return LocalizedText.of("problem.param.boolean");
        }
        if (type == UUID.class) {
            return LocalizedText.of("problem.param.uuid");
        }
        if (type.isEnum()) {
            return LocalizedText.of("problem.param.oneOf",
                    Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        }
        return LocalizedText.of("problem.param.integer");
    }

    private static LocalDate date(String text) {
        if (!DATE.matcher(text).matches()) {
            throw new DateTimeException(text);
        }
        return LocalDate.parse(text);
    }

    private static Boolean bool(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static Object constant(Class<?> type, String text) {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(text) || constant.toString().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(text);
    }

    private static Object attribute(Annotation annotation, Method attribute) {
        try {
            Object value = attribute.invoke(annotation);
            return value instanceof Object[] array ? List.of(array) : value;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (type.isInstance(annotation)) {
                    return type.cast(annotation);
                }
            }
        }
        return null;
    }
}
