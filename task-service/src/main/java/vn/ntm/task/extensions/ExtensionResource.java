package vn.ntm.task.extensions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import vn.ntm.task.extensions.ExtensionService.ExtensionView;
import vn.ntm.task.shared.Caller;
import vn.ntm.task.shared.Callers;
import vn.ntm.task.shared.Limits;

import java.time.LocalDate;
import java.util.List;

/** Deadline extensions of a task: the assignee asks with a reason, a verifier approves or rejects. */
@Path("/tasks/{id}/extensions")
@Tag(name = "Extensions", description = "Requests to move a task's due date, decided by the verifier")
@Produces(MediaType.APPLICATION_JSON)
public class ExtensionResource {
    private final ExtensionService extensions;
    private final Callers callers;

    public ExtensionResource(ExtensionService extensions, Callers callers) {
        this.extensions = extensions;
        this.callers = callers;
    }

    public record ExtensionRequest(LocalDate dueDate,
                                   @Size(max = Limits.NOTE) @Pattern(regexp = Limits.TEXT_CHARS,
                                           message = Limits.TEXT_CHARS_MESSAGE) String reason) {
    }

    public record Decision(@Size(max = Limits.NOTE) @Pattern(regexp = Limits.TEXT_CHARS,
            message = Limits.TEXT_CHARS_MESSAGE) String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ADMIN, Caller.INSPECTOR, Caller.ORG})
    @Operation(operationId = "requestExtension",
            summary = "The assignee asks for a later due date {dueDate, reason}; one pending request at a time")
    @APIResponse(responseCode = "201", description = "The pending extension request",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExtensionView.class)))
    public Response request(@PathParam("id") String id, @NotNull @Valid ExtensionRequest request) {
        ExtensionView ext = extensions.request(id, request.dueDate(), request.reason(), callers.current());
        return Response.status(201).entity(ext).build();
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.VIEWER, Caller.INSPECTOR, Caller.ORG})
    @Operation(operationId = "listExtensions",
            summary = "The task's extension requests and their decisions, oldest first")
    public List<ExtensionView> list(@PathParam("id") String id) {
        return extensions.list(id, callers.current());
    }

    @POST
    @Path("/{extensionId}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ADMIN, Caller.INSPECTOR, Caller.ORG})
    @Operation(operationId = "approveExtension",
            summary = "A verifier approves: the requested date becomes the task's due date (optional reason)")
    public ExtensionView approve(@PathParam("id") String id, @PathParam("extensionId") String extensionId,
                                 @Valid Decision decision) {
        return extensions.decide(id, extensionId, true, decision == null ? null : decision.reason(),
                callers.current());
    }

    @POST
    @Path("/{extensionId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ADMIN, Caller.INSPECTOR, Caller.ORG})
    @Operation(operationId = "rejectExtension", summary = "A verifier rejects, with a reason; the due date stays")
    public ExtensionView reject(@PathParam("id") String id, @PathParam("extensionId") String extensionId,
                                @NotNull @Valid Decision decision) {
        return extensions.decide(id, extensionId, false, decision.reason(), callers.current());
    }
}
