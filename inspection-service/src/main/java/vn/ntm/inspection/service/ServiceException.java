package vn.ntm.inspection.service;

import java.util.List;

/** A refusal the client can act on; the REST layer renders it as {@code application/problem+json}. */
public class ServiceException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public record FieldError(String field, String message) {
    }

    public ServiceException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ServiceException notFound(String detail) {
        return new ServiceException(404, "Not Found", detail, List.of());
    }

    public static ServiceException forbidden(String detail) {
        return new ServiceException(403, "Forbidden", detail, List.of());
    }

    public static ServiceException conflict(String detail) {
        return new ServiceException(409, "Conflict", detail, List.of());
    }

    public static ServiceException invalid(String detail, List<FieldError> errors) {
        return new ServiceException(422, "Validation failed", detail, errors);
    }

    public static ServiceException badRequest(String detail, List<FieldError> errors) {
        return new ServiceException(400, "Bad Request", detail, errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
