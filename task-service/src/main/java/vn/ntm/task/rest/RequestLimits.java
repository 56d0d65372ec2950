package vn.ntm.task.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A body without a Content-Type gets 415 problem+json before it is read (otherwise it would be taken for JSON).
 * Oversized bodies are refused earlier, by {@link HttpFailures} (413 problem+json).
 */
public class RequestLimits {
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        if (!WITH_BODY.contains(request.getMethod())) {
            return Optional.empty();
        }
        boolean hasBody = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
        if (hasBody && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            return Optional.of(ProblemMapper.problem(415, "Unsupported Media Type",
                    "The request has a body but no Content-Type; send application/json.", request.getUriInfo(),
                    List.of()));
        }
        return Optional.empty();
    }
}
