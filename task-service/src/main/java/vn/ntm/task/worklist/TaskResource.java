package vn.ntm.task.worklist;

import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hibernate.validator.constraints.Range;
import org.jboss.resteasy.reactive.RestResponse;
import vn.ntm.platform.http.ParamMessage;
import vn.ntm.platform.http.PageLinks;
import vn.ntm.platform.http.ParamsDetail;
import vn.ntm.platform.http.Problems;
import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.task.shared.AssigneeTypes;
import vn.ntm.task.shared.Caller;
import vn.ntm.task.shared.Callers;
import vn.ntm.task.shared.RequestSlots;
import vn.ntm.task.shared.TaskView;
import vn.ntm.task.worklist.TaskQueries.Summary;
import vn.ntm.task.worklist.TaskQueries.TaskPage;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The work lists: {@code GET /tasks} (filters, sort, pages and cursors), one task, the summary and the CSV and XLSX
 * exports. The commands on a task live with their feature under the same path ({@code lifecycle},
 * {@code evidence}, {@code extensions}).
 */
@Path("/tasks")
@Tag(name = "Tasks", description = "Follow-up tasks created from finalized inspections")
@ParamsDetail("task.query.invalid")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {
    private final TaskQueries tasks;
    private final Callers callers;
    private final ExportSlots slots;

    public TaskResource(TaskQueries tasks, Callers callers, ExportSlots slots) {
        this.tasks = tasks;
        this.callers = callers;
        this.slots = slots;
    }

    /** What an export does when more tasks match than it writes. */
    public enum OnLimit { TRUNCATE, REFUSE }

    /** The list filters, shared by the list, the summary and the exports. */
    public static class Filters {
        @QueryParam("inspectionId") @ParamMessage("task.query.uuid") UUID inspectionId;
        @QueryParam("assigneeType")
        @Pattern(regexp = AssigneeTypes.FILTER_PATTERN, message = "{task.query.assigneeType}") String assigneeType;
        @QueryParam("assigneeCode") String assigneeCode;
        @QueryParam("communeCode") String communeCode;
        @QueryParam("criterion") @Range(min = 1, max = 99, message = "{task.query.criterion}") Integer criterion;
        @QueryParam("status") String status;
        @QueryParam("overdue") @ParamMessage("task.query.boolean") Boolean overdue;
        @QueryParam("dueBefore") @ParamMessage("task.query.date") LocalDate dueBefore;
        @QueryParam("sort") String sort;
        @QueryParam("page") @Min(value = 0, message = "{task.query.page}") Integer page;
        @QueryParam("size") @Range(min = 1, max = TaskFilter.MAX_SIZE, message = "{task.query.size}") Integer size;
        @Parameter(description = "Words to find in the commune, the assignee organisation's name and the title,"
                + " ignoring diacritics and case (\"thuong cuong\" finds \"Thượng Cường\"); every word must occur")
        @QueryParam("q") String q;
        @Parameter(description = "Change feed: only tasks whose last change (updatedAt) is at or after this ISO-8601"
                + " instant with its offset (2025-07-01T00:00:00Z); sorted by updatedAt then id unless sort says"
                + " otherwise; changes younger than ntm.tasks.feed-settle (5 s) are left for the next request;"
                + " follow next to the end, then ask again from the last updatedAt seen")
        @QueryParam("updatedSince") String updatedSince;
        @Parameter(description = "Province code (the task's province, e.g. 20 for Lạng Sơn)")
        @QueryParam("province") String province;
        @Parameter(description = "District code: tasks about the district's communes on their inspection date and"
                + " tasks assigned to the district (districts were abolished on 2025-07-01: older data)")
        @QueryParam("district") String district;

        TaskFilter filter() {
            return new TaskFilter(inspectionId,
                    assigneeType == null || assigneeType.isEmpty() ? null : assigneeType.toUpperCase(Locale.ROOT),
                    assigneeCode, communeCode, criterion, status, overdue,
                    dueBefore, sort, page, size, null, q, updatedSince, province, district);
        }
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.VIEWER, Caller.INSPECTOR, Caller.ORG})
    @Operation(operationId = "listTasks",
            summary = "List tasks by inspection, assignee, commune, criterion, status, overdue, due date or"
            + " words (q); sort by dueDate, -dueDate, communeName, status (lifecycle order)...; pages start at 0")
    @APIResponse(responseCode = "200", description = "A page of tasks; Link: its first, prev, next and (exact total)"
            + " last pages (RFC 8288), the request's URI with page or after replaced",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaskPage.class)),
            headers = @Header(name = PageLinks.HEADER, description = PageLinks.DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<TaskPage> list(@Valid @BeanParam Filters filters,
                         @Parameter(description = "Keyset paging: the next value of the previous page (opaque);"
                                 + " reaches past the first 10 000 tasks, which is as far as page numbers go")
                         @QueryParam("after") String after,
                         @Parameter(description = "false: skip counting the matching tasks; total is then what the"
                                 + " pages so far prove (exact on the last page, else a lower bound with totalExact"
                                 + " false). Default true")
                         @QueryParam("count") @DefaultValue("true") @ParamMessage("task.query.boolean")
                         boolean count, @Context UriInfo uri) {
        TaskPage page = tasks.list(filters.filter().after(after), callers.current(), count);
        return RestResponse.ResponseBuilder.ok(page).header(PageLinks.HEADER, PageLinks.header(uri.getRequestUri(),
                new PageLinks.Page(page.page(), page.size(), page.total(), page.totalExact(), page.next()),
                tasks.lastNumberedPage(page.size()))).build();
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Caller.ADMIN, Caller.VIEWER, Caller.INSPECTOR, Caller.ORG, Caller.OPS})
    @Operation(operationId = "summarizeTasks",
            summary = "Count tasks by assignee, status and overdue (same filters as the list)")
    public Summary summary(@Valid @BeanParam Filters filters) {
        return tasks.summary(filters.filter(), callers.current());
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @RolesAllowed({Caller.ADMIN, Caller.VIEWER, Caller.INSPECTOR, Caller.ORG})
    @Operation(operationId = "exportTasksCsv",
            summary = "Export the filtered list as CSV (UTF-8 with BOM, CRLF) for Excel, streamed; at most"
            + " ntm.tasks.export-max-rows rows: X-Truncated says whether the limit cut the result, X-Total-Count how"
            + " many tasks matched; onLimit=refuse answers 422 instead of a cut export")
    @APIResponse(responseCode = "200", description = "The CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)), headers = {
            @Header(name = "X-Total-Count", description = "tasks matching the filters"),
            @Header(name = "X-Truncated", description = "true when only the first X-Export-Limit rows are in the file"),
            @Header(name = "X-Export-Limit", description = "the most rows an export writes")})
    public Response export(@Valid @BeanParam Filters filters,
                           @Parameter(description = "truncate (default): write the first rows and say so in"
                                   + " X-Truncated; refuse: 422 problem+json when more tasks match than the limit")
                           @QueryParam("onLimit") @ParamMessage("task.export.onLimit")
                           @ParamsDetail("task.export.invalid") OnLimit onLimit,
                           @Parameter(description = "human (default): column headers and status labels in the"
                                   + " request's language (Vietnamese unless Accept-Language prefers English), dates"
                                   + " dd/MM/yyyy; machine: the field names, status codes and ISO-8601 dates of the"
                                   + " JSON API, for integrations")
                           @QueryParam("format") @ParamMessage("task.export.format")
                           @ParamsDetail("task.export.invalid") Csv.Format format,
                           @Context RoutingContext routing, @Context HttpHeaders headers) {
        return export(filters, onLimit, format, routing, headers, false);
    }

    @GET
    @Path("/export.xlsx")
    @Produces(Xlsx.MEDIA_TYPE)
    @RolesAllowed({Caller.ADMIN, Caller.VIEWER, Caller.INSPECTOR, Caller.ORG})
    @Operation(operationId = "exportTasksXlsx",
            summary = "Export the filtered list as an Excel workbook: the columns of the CSV for people (STT, ...,"
            + " Ngày giao, Số ngày quá hạn) with Vietnamese headers, dates as dates, counts as numbers, bold frozen"
            + " header row, autofilter; same filters, sort, limit (X-Truncated, onLimit) and concurrency as the CSV"
            + " export")
    @APIResponse(responseCode = "200", description = "The workbook",
            content = @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    format = "binary")), headers = {
            @Header(name = "X-Total-Count", description = "tasks matching the filters"),
            @Header(name = "X-Truncated", description = "true when only the first X-Export-Limit rows are in the file"),
            @Header(name = "X-Export-Limit", description = "the most rows an export writes")})
    public Response exportXlsx(@Valid @BeanParam Filters filters,
                               @Parameter(description = "truncate (default): write the first rows and say so in"
                                       + " X-Truncated; refuse: 422 problem+json when more tasks match than the limit")
                               @QueryParam("onLimit") @ParamMessage("task.export.onLimit")
                           @ParamsDetail("task.export.invalid") OnLimit onLimit,
                               @Context RoutingContext routing, @Context HttpHeaders headers) {
        return export(filters, onLimit, null, routing, headers, true);
    }

    private Response export(Filters filters, OnLimit onLimit, Csv.Format format, RoutingContext routing,
                            HttpHeaders headers, boolean xlsx) {
        boolean refuse = onLimit == OnLimit.REFUSE;
        Csv.Format csvFormat = format == null ? Csv.Format.HUMAN : format;
        Locale language = Problems.locale(headers);
        Caller caller = callers.current();
        RequestSlots.Lease slot = slots.tryTake(routing);
        if (slot == null) {
            throw ServiceException.unavailable(LocalizedText.of("task.export.busy", slots.size()))
                    .withCode(ProblemCode.EXPORTS_BUSY);
        }
        try {
            TaskQueries.ExportPlan plan = tasks.planExport(filters.filter(), caller);
            if (refuse && plan.truncated()) {
                throw ServiceException.invalid(LocalizedText.of("task.export.tooMany", plan.total(), plan.limit()),
                        List.of(ServiceException.FieldError.of("onLimit", "task.export.moreThan", plan.limit())))
                        .withTitle(LocalizedText.of("task.export.tooLargeTitle")).withCode(ProblemCode.EXPORT_TOO_LARGE);
            }
            // the slot is given back when the body's database work ends, or at once if the client left before the
            // body started; a client leaving while the body reads does not end that work, so it keeps the slot
            slot.pause();
            StreamingOutput body = xlsx ? out -> {
                if (!slot.resume()) {
                    return;
                }
                try (Xlsx workbook = new Xlsx(out)) {
                    try {
                        // the workbook is written at the end: stop reading rows as soon as nobody will receive it
                        tasks.export(plan, row -> {
                            if (slot.abandoned()) {
                                throw new ExportAbandoned();
                            }
                            workbook.task(row);
                        });
                    } finally {
                        // the database work has ended; writing the workbook to a slow client needs no slot
                        slot.release();
                    }
                    workbook.finish();
                } catch (ExportAbandoned gone) {
                    // the client left; nothing to answer
                } finally {
                    slot.release();
                }
            } : out -> {
                if (!slot.resume()) {
                    return;
                }
                try {
                    Csv csv = new Csv(out, csvFormat, language);
                    tasks.export(plan, csv::task);
                    csv.finish();
                } finally {
                    slot.release();
                }
            };
            return Response.ok(body, xlsx ? Xlsx.MEDIA_TYPE : "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"tasks." + (xlsx ? "xlsx" : "csv")
                            + "\"")
                    .header("X-Total-Count", plan.total())
                    .header("X-Truncated", plan.truncated())
                    .header("X-Export-Limit", plan.limit())
                    .build();
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
    }

    /** Ends an XLSX export's reading when its client has gone. */
    private static final class ExportAbandoned extends RuntimeException {
        ExportAbandoned() {
            super(null, null, false, false);
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.ADMIN, Caller.VIEWER, Caller.INSPECTOR, Caller.ORG})
    @Operation(operationId = "getTask", summary = "One task; the ETag is its version, to send back in If-Match")
    @APIResponse(responseCode = "200", description = "The task; ETag: its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaskView.class)))
    public Response get(@PathParam("id") String id) {
        TaskView task = tasks.get(id, callers.current());
        return Response.ok(task).tag(etag(task)).build();
    }

    private static EntityTag etag(TaskView task) {
        return new EntityTag(Long.toString(task.version()));
    }
}
