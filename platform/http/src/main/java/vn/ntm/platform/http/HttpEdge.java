package vn.ntm.platform.http;

import vn.ntm.platform.i18n.Messages;
import vn.ntm.platform.i18n.ByteSize;
import vn.ntm.platform.i18n.LocalizedText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Problem+json for what is answered before (or outside) JAX-RS, where Quarkus would send an empty or HTML body:
 * 414 for an over-long request target, 413 for a body over the limit (declared, or found while reading a chunked
 * one), 401 for an anonymous request to a permission-guarded path ({@code ntm.http.bearer-paths}), 401/403 from HTTP
 * permissions, and 404/405 for requests no route takes.
 */
@Singleton
public class HttpEdge {
    private static final List<Integer> ROUTER_ERRORS = List.of(400, 404, 405, 413, 414, 415);

    private final ObjectMapper json;
    private final HttpEdgeConfig config;

    public HttpEdge(ObjectMapper json, HttpEdgeConfig config) {
        this.json = json;
        this.config = config;
    }

    void install(@Observes Router router) {
        // after the body handler's setup, before Quarkus' security handlers (-200, -100) and its own 413 (-2)
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER + 10).handler(this::beforeEverything);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        for (int status : ROUTER_ERRORS) {
            router.errorHandler(status, ctx -> unrouted(ctx, status));
        }
    }

    private void beforeEverything(RoutingContext ctx) {
        if (ctx.request().uri().length() > config.maxUriLength()) {
            send(ctx, ProblemKind.URI_TOO_LONG, LocalizedText.of("problem.uriTooLong.limit", config.maxUriLength()));
            return;
        }
        String method = ctx.request().method().name();
        boolean upload = ("POST".equals(method) || "PUT".equals(method)) && config.uploadPaths()
                .map(p -> ctx.normalizedPath().matches(p)).orElse(false);
        long limit = upload ? config.maxUploadSize().asLongValue() : config.maxBodySize().asLongValue();
        if (declaredLength(ctx) > limit) {
            // the body is never read: the connection closes once answered, as with Quarkus' own 413
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            send(ctx, ProblemKind.TOO_LARGE, LocalizedText.of("problem.tooLarge.limit", ByteSize.of(limit)));
            return;
        }
        if (needsBearer(ctx.normalizedPath()) && !hasBearer(ctx)) {
            send(ctx, ProblemKind.UNAUTHENTICATED, Problems.UNAUTHORIZED_DETAIL);
            return;
        }
        ctx.next();
    }

    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().headWritten()) {
            ctx.next();
        } else if (failure instanceof UnauthorizedException || failure instanceof AuthenticationFailedException
                || failure instanceof AuthenticationCompletionException) {
            send(ctx, ProblemKind.UNAUTHENTICATED, Problems.UNAUTHORIZED_DETAIL);
        } else if (failure instanceof ForbiddenException) {
            send(ctx, ProblemKind.FORBIDDEN, Problems.FORBIDDEN_DETAIL);
        } else if (ctx.statusCode() == 413) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            send(ctx, ProblemKind.TOO_LARGE, LocalizedText.of("problem.tooLarge.limit",
                    ByteSize.of(config.maxBodySize().asLongValue())));
        } else {
            ctx.next();
        }
    }

    /** Requests no route took, or that a Vert.x handler failed with a client-error status. */
    private void unrouted(RoutingContext ctx, int status) {
        if (ctx.response().headWritten()) {
            return;
        }
        LocalizedText detail = switch (status) {
            case 404 -> LocalizedText.of("problem.notFound.path", ctx.normalizedPath());
            case 405 -> LocalizedText.of("problem.methodNotAllowed.path", ctx.normalizedPath());
            case 413 -> LocalizedText.of("problem.tooLarge.limit", ByteSize.of(config.maxBodySize().asLongValue()));
            case 414 -> LocalizedText.of("problem.uriTooLong.detail");
            case 415 -> LocalizedText.of("problem.unsupportedMediaType.detail");
            default -> LocalizedText.of("problem.unreadable.detail");
        };
        send(ctx, ProblemKind.of(status), detail);
    }

    private boolean needsBearer(String path) {
        for (String guarded : config.bearerPaths().orElse(List.of())) {
            if (path.equals(guarded) || path.startsWith(guarded.endsWith("/") ? guarded : guarded + "/")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBearer(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static long declaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private void send(RoutingContext ctx, ProblemKind kind, LocalizedText detail) {
        Problem problem = Problem.of(kind, kind.status(), detail, ctx.normalizedPath(), List.of(),
                Messages.fromAcceptLanguage(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            Log.warnf("cannot write a problem: %s", e.getMessage());
            body = ("{\"status\":" + kind.status() + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (kind == ProblemKind.UNAUTHENTICATED) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.response().setStatusCode(kind.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Buffer.buffer(body));
    }
}
