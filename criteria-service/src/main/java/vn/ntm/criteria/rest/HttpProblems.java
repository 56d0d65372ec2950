package vn.ntm.criteria.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Problem+json for the answers Quarkus gives outside JAX-RS: 413 for a body over
 * {@code quarkus.http.limits.max-body-size} (Quarkus's own check, at route order -2, answers with an empty body)
 * and 401/403 from the HTTP permission on {@code /q/metrics} (application.properties).
 */
@ApplicationScoped
public class HttpProblems {
    /** Longer request targets get 414 problem+json; beyond quarkus.http.limits.max-initial-line-length the server's own. */
    static final int MAX_URI_LENGTH = 8192;
    private final ObjectMapper json;
    private final Optional<MemorySize> maxBodySize;

    public HttpProblems(ObjectMapper json,
                        @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.json = json;
        this.maxBodySize = maxBodySize;
    }

    void install(@Observes Router router) {
        maxBodySize.ifPresent(limit -> router.route().order(-3).handler(ctx -> rejectTooLarge(ctx, limit.asLongValue())));
        router.route().failureHandler(this::authFailure);
    }

    /** Between CORS (priority 300) and authentication (200), so it sees the request before any challenge is sent. */
    void metricsNeedBearer(@Observes Filters filters) {
        filters.register(this::requireBearer, 250);
    }

    private void rejectTooLarge(RoutingContext ctx, long limit) {
        if (ctx.request().uri().length() > MAX_URI_LENGTH) {
            send(ctx, ProblemMapper.problem(414, "URI Too Long", "The request target is longer than "
                    + MAX_URI_LENGTH + " characters.", ctx.normalizedPath(), List.of()));
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            declared = -1; // Vert.x rejects a malformed Content-Length itself
        }
        if (declared <= limit) {
            ctx.next();
            return;
        }
        // the body is never read: the connection closes once answered, as with Quarkus' own 413
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        send(ctx, ProblemMapper.problem(413, "Content Too Large",
                "The request body is larger than the limit of " + limit + " bytes.", ctx.normalizedPath(), List.of()));
    }

    /** Quarkus answers an anonymous caller denied by an HTTP permission with a bare challenge; answer it here first. */
    private void requireBearer(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (!ctx.normalizedPath().startsWith("/q/metrics") || authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.next();
        } else {
            send(ctx, ProblemMapper.unauthorized(ctx.normalizedPath()));
        }
    }

    private void authFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().headWritten()) {
            ctx.next();
        } else if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException) {
            send(ctx, ProblemMapper.unauthorized(ctx.normalizedPath()));
        } else if (failure instanceof ForbiddenException) {
            send(ctx, ProblemMapper.forbidden(ctx.normalizedPath()));
        } else {
            ctx.next();
        }
    }

    private void send(RoutingContext ctx, Response problem) {
        try {
            byte[] body = json.writeValueAsBytes(problem.getEntity());
            problem.getStringHeaders().forEach((name, values) -> ctx.response().putHeader(name, values));
            ctx.response().setStatusCode(problem.getStatus())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(io.vertx.core.buffer.Buffer.buffer(body));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
