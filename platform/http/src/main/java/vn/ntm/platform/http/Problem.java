package vn.ntm.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import vn.ntm.platform.http.ServiceException.FieldError;

import java.util.List;

/**
 * RFC 9457 problem details. {@code type} and {@code code} name the kind of error ({@link ProblemKind});
 * {@code errors} lists the offending fields of a validation failure.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemKind kind, int status, String detail, String instance, List<FieldError> errors) {
        return new Problem(kind.type(), kind.title(), status, detail, instance, kind.code(), errors);
    }
}
