package vn.ntm.platform.http;

import jakarta.ws.rs.core.Response;
import vn.ntm.platform.http.ServiceException.FieldError;

import java.util.List;

/** Builds problem+json answers for JAX-RS ({@link Response}) from a kind or a {@link Problem}. */
public final class Problems {
    public static final String UNAUTHORIZED_DETAIL = "A valid bearer token is required (Authorization: Bearer <JWT>):"
            + " it is missing, expired, wrongly signed or issued for another service.";
    public static final String FORBIDDEN_DETAIL = "The token does not grant access to this resource.";

    private Problems() {
    }

    public static Response response(ProblemKind kind, String detail, String path) {
        return response(Problem.of(kind, kind.status(), detail, path, List.of()));
    }

    public static Response response(ProblemKind kind, int status, String detail, String path,
                                    List<FieldError> errors) {
        return response(Problem.of(kind, status, detail, path, errors));
    }

    public static Response response(Problem problem) {
        Response.ResponseBuilder answer = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            answer.header("WWW-Authenticate", "Bearer");
        } else if (problem.status() == 503) {
            answer.header("Retry-After", "5");
        }
        return answer.build();
    }
}
