package vn.ntm.inspection.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Refusals decided outside JAX-RS (the {@code /q/metrics} permission, an oversized body) as problem+json too;
 * {@link ProblemMapper} handles everything that reaches a resource.
 */
@ApplicationScoped
public class HttpProblems {
    /** Longer request targets get 414 problem+json; beyond quarkus.http.limits.max-initial-line-length the server's own. */
    static final int MAX_URI_LENGTH = 8192;
    private final ObjectMapper json;
    private final long maxBodySize;

    public HttpProblems(ObjectMapper json,
                        @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.json = json;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
        // just ahead of Quarkus' own limit (order -2), which answers with an empty body
        router.route().order(-3).handler(this::rejectOversizedBody);
    }

    private void rejectOversizedBody(RoutingContext ctx) {
        if (ctx.request().uri().length() > MAX_URI_LENGTH) {
            send(ctx, 414, "URI Too Long", "The request target is longer than " + MAX_URI_LENGTH + " characters.");
            return;
        }
        String length = ctx.request().getHeader("Content-Length");
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared > maxBodySize) {
            ctx.response().putHeader("Connection", "close");
            send(ctx, 413, "Content Too Large", "The request body is larger than " + maxBodySize
                    + " bytes, the most this service accepts.");
        } else {
            ctx.next();
        }
    }

    private void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        int status;
        String title;
        String detail;
        if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException) {
            status = 401;
            title = "Unauthorized";
            detail = UNAUTHORIZED_DETAIL;
        } else if (failure instanceof ForbiddenException) {
            status = 403;
            title = "Forbidden";
            detail = "The token does not grant access to this resource.";
        } else if (ctx.statusCode() == 413) {
            status = 413;
            title = "Content Too Large";
            detail = "The request body is larger than this service accepts.";
        } else {
            ctx.next();
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        send(ctx, status, title, detail);
    }

    void send(RoutingContext ctx, int status, String title, String detail) {
        String body;
        try {
            body = json.writeValueAsString(new Problem("about:blank", title, status, detail, ctx.normalizedPath(),
                    List.of()));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }

    static final String UNAUTHORIZED_DETAIL =
            "A valid bearer token is required (missing, expired, wrongly signed or issued for someone else).";
}
