package vn.ntm.criteria.announce;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ntm.criteria.shared.Roles;

@Path("/admin/reference")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data administration")
public class ReferenceAnnounceResource {
    private final ReferenceAnnouncer announcer;

    public ReferenceAnnounceResource(ReferenceAnnouncer announcer) {
        this.announcer = announcer;
    }

    @POST
    @Path("/announce")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "announceReferenceData", summary = "Write every province's register, the sector list and every published criteria set to"
            + " criteria-reference again, each as the next version of its key; the outbox sends them")
    @APIResponse(responseCode = "202", description = "the snapshots written, per kind; sent by the outbox relay",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReferenceAnnouncer.ReferenceAnnouncement.class)))
    public Response announce() {
        return Response.accepted(announcer.announceAll()).build();
    }
}
