package vn.ntm.task.lifecycle;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import vn.ntm.task.shared.TaskStatus;
import vn.ntm.task.shared.TaskView;

import java.util.List;

/**
 * A task's lifecycle: status moves ({@code PATCH /tasks/{id}} with {@code If-Match}), progress notes and the
 * history. Their operation ids (verb-noun, {@code changeTaskStatus}, {@code addTaskNote}, {@code getTaskHistory}) are
 * public: client generators name their methods after them.
 */
@Path("/tasks")
@Tag(name = "Tasks", description = "Follow-up tasks created from finalized inspections")
@ParamsDetail("task.query.invalid")
@Produces(MediaType.APPLICATION_JSON)
public class TaskLifecycleResource {
    private final LifecycleService lifecycle;
    private final TaskHistory history;
    private final Callers callers;

    public TaskLifecycleResource(LifecycleService lifecycle, TaskHistory history, Callers callers) {
        this.lifecycle = lifecycle;
        this.history = history;
        this.callers = callers;
    }

    /**
     * {@code reason}: why a task is returned, cancelled or reopened, or why a report has no evidence;
     * {@code report}: what the assignee did, required to move to REPORTED.
     */
    public record StatusChange(@NotNull TaskStatus status,
                               @Size(max = Limits.NOTE) @Pattern(regexp = Limits.TEXT_CHARS,
                                       message = Limits.TEXT_CHARS_MESSAGE) String note,
                               @Size(max = Limits.NOTE) @Pattern(regexp = Limits.TEXT_CHARS,
                                       message = Limits.TEXT_CHARS_MESSAGE) String reason,
                               @Size(max = Limits.REPORT) @Pattern(regexp = Limits.TEXT_CHARS,
                                       message = Limits.TEXT_CHARS_MESSAGE) String report) {
    }

    public record NoteRequest(@NotBlank @Size(max = Limits.NOTE) @Pattern(regexp = Limits.TEXT_CHARS,
            message = Limits.TEXT_CHARS_MESSAGE) String note) {
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Caller.ADMIN, Caller.INSPECTOR, Caller.ORG})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeTaskStatus",
            summary = "Change the status with If-Match: the assignee starts (IN_PROGRESS) and reports (REPORTED,"
            + " with report and evidence or a reason); a verifier accepts (DONE), returns (RETURNED, with reason),"
            + " cancels or reopens (with reason). 409 illegal move, 403 not this caller's move, 422 missing text")
    @APIResponse(responseCode = "200", description = "The task; ETag: its new version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaskView.class)))
    public Response changeStatus(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                 @NotNull @Valid StatusChange change) {
        TaskView task = lifecycle.changeStatus(id, ifMatch, new LifecycleService.StatusRequest(change.status(),
                change.note(), change.reason(), change.report()), callers.current());
        return Response.ok(task).tag(etag(task)).build();
    }

    @POST
    @Path("/{id}/notes")
    @RolesAllowed({Caller.ADMIN, Caller.INSPECTOR, Caller.ORG})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addTaskNote",
            summary = "Add a progress note to the task's history (its assignee or a verifier)")
    @APIResponse(responseCode = "201", description = "The history entry",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HistoryEntry.class)))
    public Response addNote(@PathParam("id") String id, @NotNull @Valid NoteRequest note) {
        HistoryEntry entry = lifecycle.addNote(id, note.note(), callers.current());
        return Response.status(201).entity(entry).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Caller.ADMIN, Caller.VIEWER, Caller.INSPECTOR, Caller.ORG})
    @Operation(operationId = "getTaskHistory",
            summary = "Every change of the task: who, when, from, to, note; the creation comes first")
    public List<HistoryEntry> history(@PathParam("id") String id) {
        return history.history(id, callers.current());
    }

    private static EntityTag etag(TaskView task) {
        return new EntityTag(Long.toString(task.version()));
    }
}
