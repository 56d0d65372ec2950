package vn.ntm.platform.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The catalog key of the field error a query parameter gets when its value cannot be read as the parameter's type
 * ({@link ParamConverters}); the attributes of the parameter's Bean Validation constraints ({@code {min}},
 * {@code {max}}) are its named arguments. Without it, the message of the parameter's constraint is used, else the
 * type's own ({@code problem.param.*}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface ParamMessage {
    String value();
}
