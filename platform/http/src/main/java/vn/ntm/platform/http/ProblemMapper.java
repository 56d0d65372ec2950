package vn.ntm.platform.http;

import vn.ntm.platform.i18n.LocalizedText;
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
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.ntm.platform.http.ServiceException.FieldError;

import java.nio.charset.CharacterCodingException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns every error that reaches JAX-RS into {@code application/problem+json} with a stable type and code
 * ({@link ProblemKind}); nothing internal (stack, SQL, Java type names) reaches the body. Errors answered before
 * JAX-RS are {@link HttpEdge}'s.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response service(ServiceException e, UriInfo uri, HttpHeaders headers) {
        return Problems.response(e.problem(path(uri), Problems.locale(headers)));
    }

    /** No token, or (authentication is lazy) an expired, forged, foreign-issuer or foreign-audience one. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        Log.debugf("bearer token refused on %s: %s", path(uri), e.getMessage());
        return Problems.response(ProblemKind.UNAUTHENTICATED, Problems.UNAUTHORIZED_DETAIL, path(uri),
                Problems.locale(headers));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return Problems.response(ProblemKind.FORBIDDEN, Problems.FORBIDDEN_DETAIL, path(uri), Problems.locale(headers));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri, headers);
        }
        int status = e.getResponse().getStatus();
        ProblemKind kind = ProblemKind.of(status);
        LocalizedText detail = status >= 500 ? LocalizedText.of("problem.internal.detail") : describe(status, uri);
        return Problems.response(kind, status, detail, path(uri), List.of(), Problems.locale(headers));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        return Problems.response(JsonErrors.problem(e, path(uri), Problems.locale(headers)));
    }

    /** More specific than quarkus-rest-jackson's built-in mapper for this type, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return json(e, uri, headers);
    }

    /** Malformed UTF-8 in a request body ({@link StrictJson}'s decoder) is the client's error. */
    @ServerExceptionMapper
    public Response encoding(CharacterCodingException e, UriInfo uri, HttpHeaders headers) {
        return Problems.response(ProblemKind.MALFORMED_REQUEST, 400, LocalizedText.of("problem.body.notUtf8"),
                path(uri), List.of(), Problems.locale(headers));
    }

    /** A query parameter that cannot be read as its type ({@link ParamConverters}). */
    @ServerExceptionMapper
    public Response param(InvalidParamException e, UriInfo uri, HttpHeaders headers, ResourceInfo resource) {
        LocalizedText detail = e.detailKey() != null ? LocalizedText.of(e.detailKey()) : RequestParams.detail(resource);
        return Problems.response(ProblemKind.VALIDATION, 400, detail, path(uri), List.of(e.error()),
                Problems.locale(headers));
    }

    /**
     * Bean Validation of a body or of request parameters: a parameter is named as the request names it
     * ({@code size}, not {@code list.arg2}); when only parameters are wrong, the detail is the resource's
     * ({@link ParamsDetail}).
     */
    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers,
                               ResourceInfo resource) {
        boolean onlyParams = true;
        List<FieldError> errors = new java.util.ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            String param = RequestParams.name(v, resource);
            onlyParams &= param != null;
            errors.add(new FieldError(param != null ? param : field(v), message(v)));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        LocalizedText detail = onlyParams && !errors.isEmpty() ? RequestParams.detail(resource)
                : LocalizedText.of("problem.validation.detail");
        return Problems.response(ProblemKind.VALIDATION, 400, detail, path(uri), errors, Problems.locale(headers));
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        if (databaseUnavailable(e)) {
            Log.warnf("database unavailable on %s: %s", path(uri), e.getMessage());
            return Problems.response(ProblemKind.UNAVAILABLE, LocalizedText.of("problem.unavailable.database"),
                    path(uri), Problems.locale(headers));
        }
        Log.errorf(e, "unexpected error on %s", path(uri));
        return Problems.response(ProblemKind.INTERNAL, LocalizedText.of("problem.internal.detail"), path(uri),
                Problems.locale(headers));
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

    private static LocalizedText describe(int status, UriInfo uri) {
        return switch (status) {
            case 404 -> LocalizedText.of("problem.notFound.path", path(uri));
            case 405 -> LocalizedText.of("problem.methodNotAllowed.path", path(uri));
            case 415 -> LocalizedText.of("problem.unsupportedMediaType.detail");
            case 406 -> LocalizedText.of("problem.notAcceptable.detail");
            default -> LocalizedText.of("problem.refused.detail", ProblemKind.of(status).titleText());
        };
    }

    /**
     * A Bean Validation message in the answer's language: a template naming a catalog key ({@code {key}}, the
     * constraint's default or a service's own) is resolved with the constraint's attributes ({@code {max}}); a
     * literal message is kept as it is.
     */
    static LocalizedText message(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        if (template != null && template.startsWith("{") && template.endsWith("}") && template.indexOf('{', 1) < 0) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            violation.getConstraintDescriptor().getAttributes().forEach((name, value) -> {
                if (!name.equals("message") && !name.equals("groups") && !name.equals("payload")) {
                    attributes.put(name, value instanceof Object[] array ? List.of(array) : value);
                }
            });
            return LocalizedText.named(template.substring(1, template.length() - 1), attributes);
        }
        return LocalizedText.of("problem.field.literal", violation.getMessage());
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
