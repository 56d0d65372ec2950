package vn.ntm.inspection.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.ntm.inspection.domain.InspectionFrozenException;
import vn.ntm.inspection.service.ServiceException;
import vn.ntm.inspection.service.ServiceException.FieldError;

import java.util.List;
import java.util.stream.Collectors;

/** Turns every error into {@code application/problem+json}; nothing internal (stack, SQL) reaches the body. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response service(ServiceException e, UriInfo uri) {
        return problem(e.status(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response registerNotLoaded(vn.ntm.inspection.service.RegisterService.RegisterNotLoadedException e,
                                      UriInfo uri) {
        return Response.fromResponse(problem(503, e.title(), e.getMessage(), uri, List.of()))
                .header("Retry-After", vn.ntm.inspection.service.RegisterService.RegisterNotLoadedException
                        .RETRY_AFTER_SECONDS).build();
    }

    /** Missing, expired, forged, foreign-issuer or foreign-audience token (resolved lazily: proactive auth is off). */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return unauthorized(uri == null ? null : uri.getPath());
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return problem(403, "Forbidden", "The token does not grant access to this resource.", uri, List.of());
    }

    static Response unauthorized(String path) {
        Problem body = new Problem("about:blank", "Unauthorized", 401,
                "A valid bearer token is required (missing, expired, wrongly signed or issued for someone else).",
                path, List.of());
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer").entity(body)
                .build();
    }

    @ServerExceptionMapper
    public Response frozen(InspectionFrozenException e, UriInfo uri) {
        return problem(409, "Conflict", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        String detail = family == Response.Status.Family.SERVER_ERROR ? "The request could not be processed."
                : describe(status, e.getMessage(), uri);
        return problem(status, reason(status), detail, uri, List.of());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String detail = "The request body is not valid JSON for this resource: " + e.getOriginalMessage();
        List<FieldError> errors = field.isEmpty() ? List.of()
                : List.of(new FieldError(field, e.getOriginalMessage()));
        return problem(400, "Bad Request", detail, uri, errors);
    }

    /** Malformed UTF-8 in a request body ({@link StrictJson}'s decoder) is the client's error. */
    @ServerExceptionMapper
    public Response encoding(java.nio.charset.CharacterCodingException e, UriInfo uri) {
        return problem(400, "Bad Request", "The request body is not valid UTF-8.", uri, List.of());
    }

    /** Without this, quarkus-rest-jackson's built-in mapper answers unknown enum values and bad dates as plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .collect(Collectors.toList());
        return problem(400, "Bad Request", "The request has invalid fields.", uri, errors);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            Log.warnf("database unavailable on %s: %s", uri.getPath(), e.getMessage());
            return Response.fromResponse(problem(503, "Service Unavailable",
                    "The database is unavailable; retry in a few seconds.", uri, List.of()))
                    .header("Retry-After", "5").build();
        }
        Log.errorf(e, "unexpected error on %s", uri.getPath());
        return problem(500, "Internal Server Error", "The request could not be processed.", uri, List.of());
    }

    /** Connection failures (SQLSTATE class 08), server shutdown (57P) and pool timeouts while PostgreSQL is down. */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                if (state == null ? String.valueOf(sql.getMessage()).contains("Acquisition timeout")
                        : state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }

    static Response problem(int status, String title, String detail, UriInfo uri, List<FieldError> errors) {
        Problem body = new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(),
                errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String describe(int status, String message, UriInfo uri) {
        return switch (status) {
            case 404 -> message != null && !message.startsWith("HTTP 404") ? message
                    : "No resource at " + uri.getPath() + ".";
            case 405 -> "This method is not allowed on " + uri.getPath() + ".";
            case 415 -> "Unsupported content type; send application/json.";
            case 406 -> "None of the accepted media types can be produced.";
            default -> message;
        };
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    /** {@code create.arg0.communes[0].code} becomes {@code communes[0].code}. */
    private static String field(String propertyPath) {
        String[] parts = propertyPath.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
