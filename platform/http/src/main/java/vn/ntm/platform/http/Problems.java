package vn.ntm.platform.http;

import vn.ntm.platform.i18n.Messages;
import vn.ntm.platform.i18n.LocalizedText;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import vn.ntm.platform.http.ServiceException.FieldError;

import java.util.List;
import java.util.Locale;

/** Builds problem+json answers for JAX-RS ({@link Response}) from a kind or a {@link Problem}. */
public final class Problems {
    public static final LocalizedText UNAUTHORIZED_DETAIL = LocalizedText.of("problem.unauthenticated.detail");
    public static final LocalizedText FORBIDDEN_DETAIL = LocalizedText.of("problem.forbidden.detail");

    private Problems() {
    }

    /** The language of the answer to a JAX-RS request ({@link Messages#fromAcceptLanguage}). */
    public static Locale locale(HttpHeaders headers) {
        return Messages.fromAcceptLanguage(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    public static Response response(ProblemKind kind, LocalizedText detail, String path, Locale locale) {
        return response(Problem.of(kind, kind.status(), detail, path, List.of(), locale));
    }

    public static Response response(ProblemKind kind, int status, LocalizedText detail, String path,
                                    List<FieldError> errors, Locale locale) {
        return response(Problem.of(kind, status, detail, path, errors, locale));
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
