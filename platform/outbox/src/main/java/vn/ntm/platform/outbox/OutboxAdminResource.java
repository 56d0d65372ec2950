package vn.ntm.platform.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.i18n.Messages;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Parked outbox rows for operators: list them, and send one again once its cause is fixed. */
@Path("/admin/outbox")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outbox administration")
public class OutboxAdminResource {
    static final int LIST_LIMIT = 500;

    private final OutboxRows rows;
    private final OutboxRelay relay;

    public OutboxAdminResource(OutboxRows rows, OutboxRelay relay) {
        this.rows = rows;
        this.relay = relay;
    }

    @GET
    @Path("/parked")
    @Operation(operationId = "listParkedOutboxEvents", summary = "Events the relay gave up on, oldest first"
            + " (at most " + LIST_LIMIT + ")")
    @APIResponse(responseCode = "200", description = "the parked events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParkedEvent[].class)))
    public List<ParkedEvent> parked() {
        return rows.parked(LIST_LIMIT);
    }

    @POST
    @Path("/parked/{id}/retry")
    @Produces({MediaType.APPLICATION_JSON, OutboxProblem.MEDIA_TYPE})
    @Operation(operationId = "retryParkedOutboxEvent", summary = "Makes a parked event pending again with a fresh"
            + " count of attempts; the relay sends it at once")
    @APIResponse(responseCode = "200", description = "the event, pending again", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParkedEvent.class)))
    @APIResponse(responseCode = "404", description = "no parked event has this id", content = @Content(
            mediaType = OutboxProblem.MEDIA_TYPE))
    public Response retry(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        Optional<ParkedEvent> unparked = parseId(id).flatMap(rows::unpark);
        if (unparked.isEmpty()) {
            Locale language = Messages.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
            return Response.status(404).type(OutboxProblem.MEDIA_TYPE).entity(OutboxProblem.notFound(
                    LocalizedText.of("outbox.parked.notFound").in(language), uri.getPath(), language)).build();
        }
        relay.wakeUp();
        return Response.ok(unparked.get(), MediaType.APPLICATION_JSON).build();
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
