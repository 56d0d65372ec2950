package vn.ntm.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.ntm.platform.http.ServiceException.FieldError;

import java.nio.charset.CharacterCodingException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.List;

/**
 * Turns every error that reaches JAX-RS into {@code application/problem+json} with a stable type and code
 * ({@link ProblemKind}); nothing internal (stack, SQL, Java type names) reaches the body. Errors answered before
 * JAX-RS are {@link HttpEdge}'s.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response service(ServiceException e, UriInfo uri) {
        return Problems.response(new Problem(e.kind().type(), e.title(), e.status(), e.getMessage(), path(uri),
                e.code(), e.errors()));
    }

    /** No token, or (authentication is lazy) an expired, forged, foreign-issuer or foreign-audience one. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        Log.debugf("bearer token refused on %s: %s", path(uri), e.getMessage());
        return Problems.response(ProblemKind.UNAUTHENTICATED, Problems.UNAUTHORIZED_DETAIL, path(uri));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.response(ProblemKind.FORBIDDEN, Problems.FORBIDDEN_DETAIL, path(uri));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int status = e.getResponse().getStatus();
        ProblemKind kind = ProblemKind.of(status);
        String detail = status >= 500 ? "The request could not be processed." : describe(status, e.getMessage(), uri);
        return Problems.response(kind, status, detail, path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return Problems.response(JsonErrors.problem(e, path(uri)));
    }

    /** More specific than quarkus-rest-jackson's built-in mapper for this type, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    /** Malformed UTF-8 in a request body ({@link StrictJson}'s decoder) is the client's error. */
    @ServerExceptionMapper
    public Response encoding(CharacterCodingException e, UriInfo uri) {
        return Problems.response(ProblemKind.MALFORMED_REQUEST, 400, "The request body is not valid UTF-8.",
                path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return Problems.response(ProblemKind.VALIDATION, 400, "The request has invalid fields.", path(uri), errors);
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            Log.warnf("database unavailable on %s: %s", path(uri), e.getMessage());
            return Problems.response(ProblemKind.UNAVAILABLE, "The database is unavailable; retry in a few seconds.",
                    path(uri));
        }
        Log.errorf(e, "unexpected error on %s", path(uri));
        return Problems.response(ProblemKind.INTERNAL, "The request could not be processed.", path(uri));
    }

    /** Connection failures (SQLSTATE class 08), server shutdown (57P) and pool timeouts while PostgreSQL is down. */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null ? String.valueOf(sql.getMessage()).contains("Acquisition timeout")
                        : state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(int status, String message, UriInfo uri) {
        return switch (status) {
            case 404 -> message != null && !message.startsWith("HTTP 404") ? JsonErrors.scrub(message)
                    : "No resource at " + path(uri) + ".";
            case 405 -> "This method is not allowed on " + path(uri) + ".";
            case 415 -> "Unsupported content type; send application/json.";
            case 406 -> "None of the accepted media types can be produced.";
            default -> message == null || message.startsWith("HTTP ") ? ProblemKind.of(status).title() + "."
                    : JsonErrors.scrub(message);
        };
    }

    /**
     * {@code create.arg0.communes[0].code} becomes {@code communes[0].code}; a container element's
     * {@code criteria[0].sectors[1].<list element>} becomes {@code criteria[0].sectors[1]}.
     */
    static String field(ConstraintViolation<?> violation) {
        String[] parts = violation.getPropertyPath().toString().replaceAll("\\.?<[^>]*>", "").split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
