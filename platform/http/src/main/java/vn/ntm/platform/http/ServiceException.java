package vn.ntm.platform.http;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A refusal the client can act on, thrown by a service layer; {@link ProblemMapper} renders it as
 * {@code application/problem+json} with the kind's type and code (or a more specific code set by {@link #withCode}).
 */
public class ServiceException extends RuntimeException {
    private final ProblemKind kind;
    private final int status;
    private final String title;
    private final String code;
    private final List<FieldError> errors;

    /**
     * One offending field: {@code field} in the dotted form of earlier versions ({@code communes[0].code}) and
     * {@code pointer}, the same place as a JSON pointer into the request body ({@code /communes/0/code}).
     */
    public record FieldError(String field, String message) {
        @JsonProperty("pointer")
        public String pointer() {
            return JsonPointers.fromField(field);
        }
    }

    public ServiceException(ProblemKind kind, int status, String detail, List<FieldError> errors) {
        this(kind, status, kind.title(), kind.code(), detail, errors);
    }

    /** The kind follows from the status ({@link ProblemKind#of}), except that 400 with fields is a validation error. */
    public ServiceException(int status, String title, String detail, List<FieldError> errors) {
        this(status == 400 && !errors.isEmpty() ? ProblemKind.VALIDATION : ProblemKind.of(status), status, title,
                null, detail, errors);
    }

    private ServiceException(ProblemKind kind, int status, String title, String code, String detail,
                             List<FieldError> errors) {
        super(detail);
        this.kind = kind;
        this.status = status;
        this.title = title;
        this.code = code == null ? kind.code() : code;
        this.errors = List.copyOf(errors);
    }

    public static ServiceException notFound(String detail) {
        return new ServiceException(ProblemKind.NOT_FOUND, 404, detail, List.of());
    }

    public static ServiceException forbidden(String detail) {
        return new ServiceException(ProblemKind.FORBIDDEN, 403, detail, List.of());
    }

    public static ServiceException conflict(String detail) {
        return new ServiceException(ProblemKind.CONFLICT, 409, detail, List.of());
    }

    /** Well-formed input that breaks a rule (422). */
    public static ServiceException invalid(String detail, List<FieldError> errors) {
        return new ServiceException(ProblemKind.VALIDATION, 422, detail, errors);
    }

    /** A field or parameter whose value is malformed (400, a validation error naming the fields). */
    public static ServiceException badRequest(String detail, List<FieldError> errors) {
        return new ServiceException(errors.isEmpty() ? ProblemKind.MALFORMED_REQUEST : ProblemKind.VALIDATION, 400,
                errors.isEmpty() ? "Bad Request" : ProblemKind.VALIDATION.title(), null, detail, errors);
    }

    /** The {@code If-Match} version is not the current one (412). */
    public static ServiceException staleVersion(String detail) {
        return new ServiceException(ProblemKind.STALE_VERSION, 412, detail, List.of());
    }

    /** A change that needs {@code If-Match} came without it (428). */
    public static ServiceException preconditionRequired(String detail) {
        return new ServiceException(ProblemKind.PRECONDITION_REQUIRED, 428, detail, List.of());
    }

    public static ServiceException tooLarge(String detail) {
        return new ServiceException(ProblemKind.TOO_LARGE, 413, detail, List.of());
    }

    public static ServiceException unavailable(String detail) {
        return new ServiceException(ProblemKind.UNAVAILABLE, 503, detail, List.of());
    }

    /** The same refusal with a more specific machine-readable code, e.g. {@code ILLEGAL_TRANSITION}. */
    public ServiceException withCode(String specificCode) {
        ServiceException copy = new ServiceException(kind, status, title, specificCode, getMessage(), errors);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public ProblemKind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
