package vn.ntm.platform.http;

import vn.ntm.platform.i18n.Messages;
import vn.ntm.platform.i18n.LocalizedText;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * A request body without a Content-Type gets 415 problem+json before anything reads it (it is never guessed to be
 * JSON). A POST without a body (publish, finalize) needs no Content-Type: a chunked request of unknown length is only
 * refused by a method that reads a body. Oversize bodies are answered 413 earlier, by {@link HttpEdge}.
 */
public class RequestLimits {
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request, ResourceInfo resource) {
        if (!WITH_BODY.contains(request.getMethod()) || request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null) {
            return Optional.empty();
        }
        boolean chunked = request.getHeaderString("Transfer-Encoding") != null;
        if (request.getLength() > 0 || chunked && readsBody(resource.getResourceMethod())) {
            return Optional.of(Problems.response(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    LocalizedText.of("problem.unsupportedMediaType.missing"), request.getUriInfo().getPath(),
                    Messages.fromAcceptLanguage(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))));
        }
        return Optional.empty();
    }

    /** The entity parameter is the one without a JAX-RS annotation (@PathParam, @QueryParam, @Context...). */
    private static boolean readsBody(Method method) {
        return method == null || Arrays.stream(method.getParameters()).anyMatch(RequestLimits::isEntity);
    }

    private static boolean isEntity(Parameter parameter) {
        return Arrays.stream(parameter.getAnnotations()).map(Annotation::annotationType).map(Class::getPackageName)
                .noneMatch(p -> p.startsWith("jakarta.ws.rs") || p.startsWith("org.jboss.resteasy.reactive"));
    }
}
