package vn.ntm.task.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ntm.task.domain.TaskStatus;
import vn.ntm.task.service.Caller;
import vn.ntm.task.service.Limits;
import vn.ntm.task.service.TaskFilter;
import vn.ntm.task.service.TaskService;
import vn.ntm.task.service.TaskService.HistoryEntry;
import vn.ntm.task.service.TaskService.Summary;
import vn.ntm.task.service.TaskService.TaskPage;
import vn.ntm.task.service.TaskService.TaskView;

import java.util.List;

@Path("/tasks")
@Tag(name = "Tasks", description = "Follow-up tasks created from finalized inspections")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {
    private final TaskService tasks;
    private final Callers callers;

    public TaskResource(TaskService tasks, Callers callers) {
        this.tasks = tasks;
        this.callers = callers;
    }

    /** The list filters, shared by the list, the summary and the CSV export. */
    public static class Filters {
        @QueryParam("inspectionId") String inspectionId;
        @QueryParam("assigneeType") String assigneeType;
        @QueryParam("assigneeCode") String assigneeCode;
        @QueryParam("communeCode") String communeCode;
        @QueryParam("criterion") String criterion;
        @QueryParam("status") String status;
        @QueryParam("overdue") String overdue;
        @QueryParam("dueBefore") String dueBefore;
        @QueryParam("sort") String sort;
        @QueryParam("page") String page;
        @QueryParam("size") String size;

        TaskFilter filter() {
            return new TaskFilter(inspectionId, assigneeType, assigneeCode, communeCode, criterion, status, overdue,
                    dueBefore, sort, page, size);
        }
    }

    public record StatusChange(@NotNull TaskStatus status,
                               @Size(max = Limits.NOTE) @Pattern(regexp = Limits.TEXT_CHARS,
                                       message = Limits.TEXT_CHARS_MESSAGE) String note) {
    }

    public record NoteRequest(@NotBlank @Size(max = Limits.NOTE) @Pattern(regexp = Limits.TEXT_CHARS,
            message = Limits.TEXT_CHARS_MESSAGE) String note) {
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.VIEWER, Caller.INSPECTOR, Caller.ORG})
    @Operation(summary = "List tasks by inspection, assignee, commune, criterion, status, overdue or due date;"
            + " sort by dueDate, -dueDate, createdAt...; pages start at 0")
    public TaskPage list(@BeanParam Filters filters) {
        return tasks.list(filters.filter(), callers.current());
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Caller.ADMIN, Caller.VIEWER, Caller.INSPECTOR, Caller.ORG, Caller.OPS})
    @Operation(summary = "Count tasks by assignee, status and overdue (same filters as the list)")
    public Summary summary(@BeanParam Filters filters) {
        return tasks.summary(filters.filter(), callers.current());
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @RolesAllowed({Caller.ADMIN, Caller.VIEWER, Caller.INSPECTOR, Caller.ORG})
    @Operation(summary = "Export the filtered list as CSV (UTF-8 with BOM, CRLF) for Excel")
    public Response export(@BeanParam Filters filters) {
        byte[] csv = Csv.tasks(tasks.export(filters.filter(), callers.current()));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"tasks.csv\"").build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.ADMIN, Caller.VIEWER, Caller.INSPECTOR, Caller.ORG})
    @Operation(summary = "One task; the ETag is its version, to send back in If-Match")
    public Response get(@PathParam("id") String id) {
        TaskView task = tasks.get(id, callers.current());
        return Response.ok(task).tag(etag(task)).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Caller.ADMIN, Caller.ORG})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the status (OPEN → IN_PROGRESS → DONE, or CANCELLED) with If-Match")
    public Response changeStatus(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                 @NotNull @Valid StatusChange change) {
        TaskView task = tasks.changeStatus(id, ifMatch, change.status(), change.note(), callers.current());
        return Response.ok(task).tag(etag(task)).build();
    }

    @POST
    @Path("/{id}/notes")
    @RolesAllowed({Caller.ADMIN, Caller.ORG})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a progress note to the task's history")
    public Response addNote(@PathParam("id") String id, @NotNull @Valid NoteRequest note) {
        HistoryEntry entry = tasks.addNote(id, note.note(), callers.current());
        return Response.status(201).entity(entry).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Caller.ADMIN, Caller.VIEWER, Caller.INSPECTOR, Caller.ORG})
    @Operation(summary = "Every change of the task: who, when, from, to, note; the creation comes first")
    public List<HistoryEntry> history(@PathParam("id") String id) {
        return tasks.history(id, callers.current());
    }

    private static EntityTag etag(TaskView task) {
        return new EntityTag(Long.toString(task.version()));
    }
}
