package vn.ntm.platform.http;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ntm.platform.i18n.LocalizedText;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What each problem {@code type} and {@code code} means, served by every service (public, no token): the path of a
 * type URI ({@code /problems/stale-version}) and each code ({@code /problems/INSPECTION_FINALIZED}) resolve here,
 * from the registry {@link ProblemCode}. Vietnamese by default (platform-i18n's language rule), English with {@code Accept-Language: en};
 * {@code application/json} unless the client prefers {@code text/html}.
 */
@Path("/problems")
@PermitAll
@Tag(name = "Problems", description = "The problem types and codes every error answer carries")
public class ProblemCatalogResource {

    /** One code in the request's language; {@code codes} lists the specific codes of a kind. */
    public record ProblemDescription(String code, String type, List<Integer> statuses, String title, String meaning,
                                     String services, List<String> codes) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(operationId = "listProblems", summary = "Every problem code with its type, statuses and meaning")
    @APIResponse(responseCode = "200", description = "The registry in the request's language", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ProblemDescription.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    public Response list(@Context HttpHeaders headers) {
        Locale locale = Problems.locale(headers);
        List<ProblemDescription> all = Arrays.stream(ProblemCode.values()).map(c -> describe(c, locale)).toList();
        if (prefersHtml(headers)) {
            StringBuilder html = page(locale, LocalizedText.of("problem.catalog.title").in(locale));
            html.append("<table><tr><th>code</th><th>status</th><th>type</th><th>")
                    .append(escape(LocalizedText.of("problem.catalog.meaning").in(locale))).append("</th></tr>\n");
            for (ProblemDescription d : all) {
                html.append("<tr id=\"").append(d.code()).append("\"><td><a href=\"problems/").append(d.code())
                        .append("\"><code>").append(d.code()).append("</code></a></td><td>")
                        .append(statuses(d.statuses())).append("</td><td><code>").append(escape(d.type()))
                        .append("</code></td><td>").append(escape(d.meaning())).append("</td></tr>\n");
            }
            return html(html.append("</table></body></html>\n"), locale);
        }
        return json(all, locale);
    }

    @GET
    @Path("{code}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(operationId = "getProblem",
            summary = "What a problem code, or the last segment of a problem type URI, means")
    @APIResponse(responseCode = "200", description = "The code in the request's language", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProblemDescription.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    public Response describe(@PathParam("code") String code, @Context HttpHeaders headers) {
        Locale locale = Problems.locale(headers);
        ProblemCode found = ProblemCode.find(code).orElseThrow(() -> ServiceException.notFound(
                LocalizedText.of("problem.code.unknown")));
        ProblemDescription d = describe(found, locale);
        if (prefersHtml(headers)) {
            StringBuilder html = page(locale, d.code() + " — " + d.title());
            html.append("<dl><dt>code</dt><dd><code>").append(d.code()).append("</code></dd><dt>type</dt><dd><code>")
                    .append(escape(d.type())).append("</code></dd><dt>status</dt><dd>").append(statuses(d.statuses()))
                    .append("</dd><dt>services</dt><dd>").append(escape(d.services())).append("</dd></dl>\n<p>")
                    .append(escape(d.meaning())).append("</p>\n");
            if (!d.codes().isEmpty()) {
                html.append("<ul>");
                d.codes().forEach(c -> html.append("<li><a href=\"").append(c).append("\"><code>").append(c)
                        .append("</code></a></li>"));
                html.append("</ul>\n");
            }
            return html(html.append("</body></html>\n"), locale);
        }
        return json(d, locale);
    }

    static ProblemDescription describe(ProblemCode code, Locale locale) {
        List<String> within = code.isKind() ? ProblemCode.within(code.kind()).stream().map(Enum::name).toList()
                : List.of();
        return new ProblemDescription(code.name(), code.kind().type(), code.statuses(), code.title().in(locale),
                code.meaning().in(locale), code.scope().label(), within);
    }

    private static boolean prefersHtml(HttpHeaders headers) {
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && MediaType.TEXT_HTML_TYPE.isCompatible(accepted.get(0))
                && !accepted.get(0).isWildcardType();
    }

    private static Response json(Object entity, Locale locale) {
        return Response.ok(entity, MediaType.APPLICATION_JSON_TYPE).header("Content-Language", locale.getLanguage())
                .header("Vary", "Accept, Accept-Language").build();
    }

    private static Response html(StringBuilder page, Locale locale) {
        return Response.ok(page.toString(), MediaType.TEXT_HTML + ";charset=UTF-8")
                .header("Content-Language", locale.getLanguage()).header("Vary", "Accept, Accept-Language").build();
    }

    private static StringBuilder page(Locale locale, String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(locale.getLanguage())
                .append("\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title></head><body><h1>").append(escape(title)).append("</h1>\n");
    }

    private static String statuses(List<Integer> statuses) {
        return String.join(", ", statuses.stream().map(String::valueOf).toList());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
