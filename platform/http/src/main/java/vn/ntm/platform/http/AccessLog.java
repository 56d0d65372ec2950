package vn.ntm.platform.http;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.security.Principal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One line per request of the API port, at INFO in category {@value #CATEGORY}:
 * {@code method=GET path=/tasks/{id} status=200 durationMs=3.1 sub=… traceId=…}. The path is the resource's template
 * where a JAX-RS resource answered (Quarkus REST records it for its metrics and traces), else the request's path;
 * {@code sub} is the verified token's subject, {@code -} where no identity was resolved (public reads, refusals
 * before authentication); {@code traceId} is the request's trace. The management interface (health, metrics) is
 * not logged. With the category above INFO the route does nothing but ask the level.
 */
@Singleton
public class AccessLog {
    public static final String CATEGORY = "vn.ntm.access";
    /** Where Quarkus REST keeps the matched template, in the request's Vert.x context. */
    private static final String TEMPLATE = "UrlPathTemplate";
    private static final int MAX_PATH = 200;
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final Pattern CONTROL_OR_SPACE = Pattern.compile("[\\p{Cntrl}\\s]");

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_ACCESS_LOG_HANDLER).handler(this::begin);
    }

    private void begin(RoutingContext ctx) {
        if (LOG.isInfoEnabled()) {
            long started = System.nanoTime();
            // the server span is current while the request is routed; by the end handler it may not be
            Object traceId = MDC.get("traceId");
            ctx.addEndHandler(done -> LOG.info(String.format(Locale.ROOT,
                    "method=%s path=%s status=%d durationMs=%.1f sub=%s traceId=%s",
                    ctx.request().method().name(), path(ctx), ctx.response().getStatusCode(),
                    (System.nanoTime() - started) / 1e6, subject(ctx), traceId == null ? "-" : traceId)));
        }
        ctx.next();
    }

    private static String path(RoutingContext ctx) {
        if (ctx.request() instanceof HttpServerRequestInternal request
                && request.context().getLocal(TEMPLATE) instanceof String template && !template.isEmpty()) {
            return template;
        }
        String path = ctx.normalizedPath();
        if (path == null) {
            return "-";
        }
        // no template: what the client sent, bounded and without control characters (one line per request)
        return oneWord(path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "…" : path);
    }

    /** Keeps a value one field of one line. */
    private static String oneWord(String value) {
        return CONTROL_OR_SPACE.matcher(value).replaceAll("?");
    }

    private static String subject(RoutingContext ctx) {
        if (!(ctx.user() instanceof QuarkusHttpUser user)) {
            return "-";
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (identity == null || identity.isAnonymous()) {
            return "-";
        }
        Principal principal = identity.getPrincipal();
        String subject = principal instanceof JsonWebToken jwt ? jwt.getSubject() : principal.getName();
        return subject == null || subject.isBlank() ? "-" : oneWord(subject);
    }
}
