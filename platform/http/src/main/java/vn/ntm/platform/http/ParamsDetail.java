package vn.ntm.platform.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The catalog key of the {@code detail} of a 400 for malformed request parameters (query, path, header) of a resource
 * method or class (the method's wins); without it the detail is {@code problem.param.detail}. On a query parameter it
 * is the detail when that parameter cannot be read as its type. Errors in the body keep
 * {@code problem.validation.detail}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.PARAMETER, ElementType.FIELD})
public @interface ParamsDetail {
    String value();
}
