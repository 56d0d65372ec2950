package vn.ntm.platform.http;

import vn.ntm.platform.i18n.LocalizedText;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import vn.ntm.platform.http.ServiceException.FieldError;

import java.util.List;
import java.util.Locale;

/**
 * RFC 9457 problem details as sent, in one language. {@code type} and {@code code} name the kind of error
 * ({@link ProblemKind}) and never depend on the language; {@code errors} lists the offending fields of a validation
 * failure.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<FieldMessage> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field of the answer: {@code field}, {@code pointer} (RFC 6901) and {@code message}. */
    public record FieldMessage(String field, String message) {
        @JsonProperty("pointer")
        public String pointer() {
            return JsonPointers.fromField(field);
        }
    }

    public static Problem of(ProblemKind kind, int status, LocalizedText detail, String instance,
                             List<FieldError> errors, Locale locale) {
        return new Problem(kind.type(), kind.titleText().in(locale), status, detail.in(locale), instance, kind.code(),
                errors.stream().map(e -> e.in(locale)).toList());
    }
}
