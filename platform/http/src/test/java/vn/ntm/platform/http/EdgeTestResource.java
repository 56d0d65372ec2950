package vn.ntm.platform.http;

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
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.sql.SQLTransientConnectionException;
import java.time.LocalDate;
import java.util.List;

/** A small application standing in for a service: one resource per way a request can fail. */
@Path("/samples")
@Produces(MediaType.APPLICATION_JSON)
public class EdgeTestResource {

    public enum Tier { NTM, NTM_NANG_CAO }

    public record Item(@NotBlank String code, @Size(max = 5) String name) {
    }

    public record Sample(@NotBlank String title, LocalDate inspectedOn, Tier tier, Integer year,
                         @Valid @NotNull List<Item> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
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
            case VALIDATION -> ServiceException.invalid("Rule broken.", List.of(
                    new ServiceException.FieldError("items[0].code", "is unknown")));
            case NOT_FOUND -> ServiceException.notFound("No sample 7.");
            case CONFLICT -> ServiceException.conflict("Sample 1 is final.");
            case STALE_VERSION -> ServiceException.staleVersion("Sample 1 is now at version 3.");
            case PRECONDITION_REQUIRED -> ServiceException.preconditionRequired("Send If-Match.");
            case FORBIDDEN -> ServiceException.forbidden("Not yours.");
            case TOO_LARGE -> ServiceException.tooLarge("Too many communes.");
            case UNAVAILABLE -> ServiceException.unavailable("Try later.");
            default -> new ServiceException(kind, kind.status(), "Refused.", List.of());
        };
    }

    @GET
    @Path("/specific")
    public String specific() {
        throw ServiceException.conflict("OPEN cannot become DONE.").withCode("ILLEGAL_TRANSITION");
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
