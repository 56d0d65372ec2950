package vn.ntm.platform.http;

import vn.ntm.platform.i18n.Messages;
import vn.ntm.platform.i18n.LocalizedText;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Locale;

/**
 * A refusal the client can act on, thrown by a service layer; {@link ProblemMapper} renders it as
 * {@code application/problem+json} with the kind's type and code (or a more specific code of {@link ProblemCode} set
 * by {@link #withCode}),
 * its title and detail in the request's language ({@link Messages}).
 */
public class ServiceException extends RuntimeException {
    private final ProblemKind kind;
    private final int status;
    private final LocalizedText title;
    private final String code;
    private final LocalizedText detail;
    private final List<FieldError> errors;

    /**
     * One offending field: {@code field} in the dotted form of earlier versions ({@code communes[0].code}) and
     * {@code pointer}, the same place as a JSON pointer into the request body ({@code /communes/0/code}), with a
     * message in the answer's language.
     */
    public record FieldError(String field, LocalizedText message) {
        @JsonProperty("pointer")
        public String pointer() {
            return JsonPointers.fromField(field);
        }

        /** The message of key {@code key} with its arguments. */
        public static FieldError of(String field, String key, Object... args) {
            return new FieldError(field, LocalizedText.of(key, args));
        }

        public Problem.FieldMessage in(Locale locale) {
            return new Problem.FieldMessage(field, message.in(locale));
        }
    }

    public ServiceException(ProblemKind kind, int status, LocalizedText detail, List<FieldError> errors) {
        this(kind, status, null, kind.code(), detail, errors);
    }

    /** The kind follows from the status ({@link ProblemKind#of}), except that 400 with fields is a validation error. */
    public ServiceException(int status, LocalizedText detail, List<FieldError> errors) {
        this(status == 400 && !errors.isEmpty() ? ProblemKind.VALIDATION : ProblemKind.of(status), status, null,
                null, detail, errors);
    }

    /** A refusal with a code of the registry and its kind, e.g. a 503 while reference data has not arrived. */
    public ServiceException(ProblemCode code, int status, LocalizedText detail, List<FieldError> errors) {
        this(code.kind(), status, null, code.name(), detail, errors);
        if (!code.statuses().contains(status)) {
            throw new IllegalArgumentException(code + " is not answered with " + status);
        }
    }

    private ServiceException(ProblemKind kind, int status, LocalizedText title, String code, LocalizedText detail,
                             List<FieldError> errors) {
        super(detail.key());
        this.kind = kind;
        this.status = status;
        this.title = title;
        this.code = code == null ? kind.code() : code;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public static ServiceException notFound(LocalizedText detail) {
        return new ServiceException(ProblemKind.NOT_FOUND, 404, detail, List.of());
    }

    public static ServiceException forbidden(LocalizedText detail) {
        return new ServiceException(ProblemKind.FORBIDDEN, 403, detail, List.of());
    }

    public static ServiceException conflict(LocalizedText detail) {
        return new ServiceException(ProblemKind.CONFLICT, 409, detail, List.of());
    }

    /** Well-formed input that breaks a rule (422). */
    public static ServiceException invalid(LocalizedText detail, List<FieldError> errors) {
        return new ServiceException(ProblemKind.VALIDATION, 422, detail, errors);
    }

    /** A field or parameter whose value is malformed (400, a validation error naming the fields). */
    public static ServiceException badRequest(LocalizedText detail, List<FieldError> errors) {
        return new ServiceException(errors.isEmpty() ? ProblemKind.MALFORMED_REQUEST : ProblemKind.VALIDATION, 400,
                null, null, detail, errors);
    }

    /** The {@code If-Match} version is not the current one (412). */
    public static ServiceException staleVersion(LocalizedText detail) {
        return new ServiceException(ProblemKind.STALE_VERSION, 412, detail, List.of());
    }

    /** A change that needs {@code If-Match} came without it (428). */
    public static ServiceException preconditionRequired(LocalizedText detail) {
        return new ServiceException(ProblemKind.PRECONDITION_REQUIRED, 428, detail, List.of());
    }

    public static ServiceException tooLarge(LocalizedText detail) {
        return new ServiceException(ProblemKind.TOO_LARGE, 413, detail, List.of());
    }

    public static ServiceException unsupportedMediaType(LocalizedText detail, List<FieldError> errors) {
        return new ServiceException(ProblemKind.UNSUPPORTED_MEDIA_TYPE, 415, detail, errors);
    }

    public static ServiceException unavailable(LocalizedText detail) {
        return new ServiceException(ProblemKind.UNAVAILABLE, 503, detail, List.of());
    }

    /**
     * The same refusal with a more specific machine-readable code of the registry, e.g.
     * {@link ProblemCode#INSPECTION_FINALIZED}; the code must belong to this refusal's kind and status.
     */
    public ServiceException withCode(ProblemCode specificCode) {
        if (specificCode.kind() != kind || !specificCode.statuses().contains(status)) {
            throw new IllegalArgumentException(specificCode + " is not a code of a " + status + " " + kind
                    + " problem");
        }
        ServiceException copy = new ServiceException(kind, status, title, specificCode.name(), detail, errors);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** The same refusal with a more specific title than its kind's. */
    public ServiceException withTitle(LocalizedText specificTitle) {
        ServiceException copy = new ServiceException(kind, status, specificTitle, code, detail, errors);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** The detail in English, for logs. */
    @Override
    public String getMessage() {
        return detail.in(Messages.ENGLISH);
    }

    /** The answer in a language. */
    public Problem problem(String instance, Locale locale) {
        return new Problem(kind.type(), (title == null ? kind.titleText() : title).in(locale), status,
                detail.in(locale), instance, code, errors.stream().map(e -> e.in(locale)).toList());
    }

    public ProblemKind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public LocalizedText title() {
        return title == null ? kind.titleText() : title;
    }

    public LocalizedText detail() {
        return detail;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
