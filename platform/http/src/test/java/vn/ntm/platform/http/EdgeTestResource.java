package vn.ntm.platform.http;

import vn.ntm.platform.i18n.LocalizedText;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.hibernate.validator.constraints.Range;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.sql.SQLTransientConnectionException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A small application standing in for a service: one resource per way a request can fail. */
@Path("/samples")
@Produces(MediaType.APPLICATION_JSON)
public class EdgeTestResource {

    public enum Tier { NTM, NTM_NANG_CAO }

    public record Item(@NotBlank String code, @Size(max = 5) String name) {
    }

    public record Sample(@NotBlank @Size(max = 40, message = "{sample.title.tooLong}") String title, LocalDate inspectedOn, Tier tier, Integer year,
                         @Valid @NotNull List<Item> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "createSample")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201",
            description = "The sample", content = @org.eclipse.microprofile.openapi.annotations.media.Content(
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = Sample.class)))
    public Response create(@Valid @NotNull Sample sample) {
        return Response.created(URI.create("/samples/1")).header("ETag", "\"1\"").entity(sample).build();
    }

    @GET
    @Path("/1")
    public Response read() {
        return Response.ok(new Sample("Thượng Cường", LocalDate.of(2025, 6, 30), Tier.NTM, 2025, List.of()))
                .header("ETag", "\"1\"").header("Content-Disposition", "attachment; filename=\"a.csv\"")
                .header("Retry-After", "5").header("X-Total-Count", "1").header("Link", "</samples/1>; rel=\"self\"")
                .build();
    }

    public record Found(LocalDate at, Tier tier, boolean open, int size, UUID id) {
    }

    /** Typed query parameters, read by {@link ParamConverters} and checked by Bean Validation. */
    @GET
    @Path("/search")
    @ParamsDetail("sample.query.invalid")
    public Found search(@QueryParam("at") LocalDate at, @QueryParam("tier") Tier tier,
                        @QueryParam("open") @DefaultValue("false") boolean open,
                        @QueryParam("size") @DefaultValue("20") @Range(min = 1, max = 200, message = "{sample.size}")
                        int size, @QueryParam("id") @ParamMessage("sample.id") UUID id) {
        return new Found(at, tier, open, size, id);
    }

    /** Takes no body: a bodiless POST needs no Content-Type. */
    @POST
    @Path("/1/finalize")
    public Response finalizeSample() {
        return Response.ok().entity("{\"done\":true}").build();
    }

    @GET
    @Path("/refusals/{kind}")
    public String refuse(@PathParam("kind") ProblemKind kind) {
        throw switch (kind) {
            case VALIDATION -> ServiceException.invalid(LocalizedText.of("sample.ruleBroken"), List.of(
                    ServiceException.FieldError.of("items[0].code", "sample.code.unknown", "X9")));
            case NOT_FOUND -> ServiceException.notFound(LocalizedText.of("sample.notFound", 7));
            case CONFLICT -> ServiceException.conflict(LocalizedText.of("sample.final", 1));
            case STALE_VERSION -> ServiceException.staleVersion(LocalizedText.of("sample.version", 1, 3));
            case PRECONDITION_REQUIRED -> ServiceException.preconditionRequired(LocalizedText.of("sample.ifMatch"));
            case FORBIDDEN -> ServiceException.forbidden(LocalizedText.of("sample.notYours"));
            case TOO_LARGE -> ServiceException.tooLarge(LocalizedText.of("sample.tooMany"));
            case UNAVAILABLE -> ServiceException.unavailable(LocalizedText.of("sample.later"));
            default -> new ServiceException(kind, kind.status(), LocalizedText.of("sample.refused"), List.of());
        };
    }

    @GET
    @Path("/specific")
    public String specific() {
        throw ServiceException.conflict(LocalizedText.of("sample.transition", "OPEN", "DONE"))
                .withCode(ProblemCode.TRANSITION_NOT_ALLOWED);
    }

    @GET
    @Path("/anonymous")
    public String anonymous() {
        throw new UnauthorizedException();
    }

    @GET
    @Path("/denied")
    public String denied() {
        throw new ForbiddenException();
    }

    @GET
    @Path("/database-down")
    public String databaseDown() {
        throw new IllegalStateException("query failed", new SQLTransientConnectionException("Acquisition timeout"));
    }

    @GET
    @Path("/bug")
    public String bug() {
        throw new IllegalStateException("vn.ntm.secret.Internal failed at java.lang.Thread");
    }
}
