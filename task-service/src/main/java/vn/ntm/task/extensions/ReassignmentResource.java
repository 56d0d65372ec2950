package vn.ntm.task.extensions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ntm.platform.http.ParamsDetail;
import vn.ntm.task.shared.Caller;
import vn.ntm.task.shared.Callers;
import vn.ntm.task.shared.Limits;
import vn.ntm.task.shared.TaskView;

/**
 * A verifier gives a task to another organisation ({@code POST /tasks/{id}/reassign}, operation
 * {@code reassignTask}).
 */
@Path("/tasks")
@Tag(name = "Tasks", description = "Follow-up tasks created from finalized inspections")
@ParamsDetail("task.query.invalid")
@Produces(MediaType.APPLICATION_JSON)
public class ReassignmentResource {
    private final ReassignmentService reassignments;
    private final Callers callers;

    public ReassignmentResource(ReassignmentService reassignments, Callers callers) {
        this.reassignments = reassignments;
        this.callers = callers;
    }

    public record Reassignment(@NotNull vn.ntm.contracts.OrganisationRef assignee,
                               @Size(max = Limits.NOTE) @Pattern(regexp = Limits.TEXT_CHARS,
                                       message = Limits.TEXT_CHARS_MESSAGE) String reason) {
    }

    @POST
    @Path("/{id}/reassign")
    @RolesAllowed({Caller.ADMIN, Caller.INSPECTOR, Caller.ORG})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reassignTask",
            summary = "A verifier or admin gives the task to another organisation {assignee {type, code, name},"
            + " reason}; the history keeps the previous assignee, originalAssignee the first one")
    @APIResponse(responseCode = "200", description = "The task; ETag: its new version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaskView.class)))
    public Response reassign(@PathParam("id") String id, @NotNull @Valid Reassignment request) {
        TaskView task = reassignments.reassign(id, request.assignee(), request.reason(), callers.current());
        return Response.ok(task).tag(etag(task)).build();
    }

    private static EntityTag etag(TaskView task) {
        return new EntityTag(Long.toString(task.version()));
    }
}
