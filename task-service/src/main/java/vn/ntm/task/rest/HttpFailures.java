package vn.ntm.task.rest;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Problem details for what is refused before the REST layer: bodies over {@code quarkus.http.limits.max-body-size}
 * (413) and the HTTP permission on {@code /q/metrics} (401/403). Quarkus itself would answer these with empty bodies.
 */
@jakarta.inject.Singleton
public class HttpFailures {
    /** Longer request targets get 414 problem+json; beyond quarkus.http.limits.max-initial-line-length the server's own. */
    static final int MAX_URI_LENGTH = 8192;
    private static final String METRICS = "/q/metrics";
    private static final String UNAUTHORIZED_DETAIL = "Send a valid bearer token (Authorization: Bearer <JWT>)"
            + " issued for this service.";

    /** Room for the multipart boundary and part headers around an evidence file. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final Optional<MemorySize> maxBodySize;
    private final long maxUploadSize;

    /**
     * {@code ntm.tasks.max-body-size} limits every body but evidence uploads, which may have
     * {@code ntm.tasks.evidence.max-size} plus the multipart framing ({@code quarkus.http.limits.max-body-size}, the
     * server's own limit, must be at least that).
     */
    public HttpFailures(@ConfigProperty(name = "ntm.tasks.max-body-size") Optional<MemorySize> maxBodySize,
                        @ConfigProperty(name = "ntm.tasks.evidence.max-size", defaultValue = "20M")
                        MemorySize maxEvidenceSize) {
        this.maxBodySize = maxBodySize;
        this.maxUploadSize = maxEvidenceSize.asLongValue() + MULTIPART_OVERHEAD;
    }

    private static boolean isUpload(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        return "POST".equals(ctx.request().method().name()) && path.startsWith("/tasks/")
                && path.endsWith("/evidence");
    }

    void install(@Observes Router router) {
        // before Quarkus' security filters (orders -200, -100) and its own Content-Length check (order -2)
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER + 10).handler(this::before);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    }

    private void before(RoutingContext ctx) {
        if (ctx.request().uri().length() > MAX_URI_LENGTH) {
            write(ctx, 414, "URI Too Long", "The request target is longer than " + MAX_URI_LENGTH + " characters.");
            return;
        }
        String length = ctx.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        Long limit = isUpload(ctx) ? Long.valueOf(maxUploadSize)
                : maxBodySize.map(MemorySize::asLongValue).orElse(null);
        if (length != null && limit != null && tooLarge(length, limit)) {
            ctx.response().putHeader(HttpHeaderNames.CONNECTION, "close");
            write(ctx, 413, "Content Too Large", "The request body is larger than the " + limit
                    + " bytes this service accepts" + (isUpload(ctx) ? " for an evidence file (at most "
                    + (limit - MULTIPART_OVERHEAD) + " bytes plus the multipart framing)." : "."));
            return;
        }
        // an anonymous request to a permission-protected path gets a bare challenge from Quarkus; answer it here
        String path = ctx.normalizedPath();
        String authorization = ctx.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if ((path.equals(METRICS) || path.startsWith(METRICS + "/"))
                && (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7))) {
            ctx.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            write(ctx, 401, "Unauthorized", UNAUTHORIZED_DETAIL);
            return;
        }
        ctx.next();
    }

    private static boolean tooLarge(String length, long limit) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().headWritten()) {
            ctx.next();
        } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            ctx.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            write(ctx, 401, "Unauthorized", UNAUTHORIZED_DETAIL);
        } else if (failure instanceof ForbiddenException) {
            write(ctx, 403, "Forbidden", "Your token does not grant access to " + ctx.normalizedPath() + ".");
        } else if (ctx.statusCode() == 413) {
            write(ctx, 413, "Content Too Large", "The request body is larger than this service accepts.");
        } else {
            ctx.next();
        }
    }

    private static void write(RoutingContext ctx, int status, String title, String detail) {
        JsonObject body = new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail).put("instance", ctx.normalizedPath());
        ctx.response().setStatusCode(status).putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body.encode());
    }
}
