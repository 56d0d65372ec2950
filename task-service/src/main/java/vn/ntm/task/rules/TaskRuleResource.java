package vn.ntm.task.rules;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hibernate.validator.constraints.Range;
import vn.ntm.platform.http.ParamMessage;
import vn.ntm.platform.http.ParamsDetail;
import vn.ntm.task.rules.RuleService.RuleChange;
import vn.ntm.task.rules.RuleService.RuleHistoryEntry;
import vn.ntm.task.rules.RuleService.RuleView;
import vn.ntm.task.shared.Caller;
import vn.ntm.task.shared.Callers;
import vn.ntm.task.shared.Limits;

import java.time.LocalDate;
import java.util.List;

@Path("/task-rules")
@Tag(name = "Task rules", description = "The data-driven rules that turn findings into tasks (administration)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class TaskRuleResource {
    private final RuleService rules;
    private final Callers callers;

    public TaskRuleResource(RuleService rules, Callers callers) {
        this.rules = rules;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listTaskRules",
            summary = "List the rule rows in the order they are applied, each with its period of validity"
            + " (validFrom..validTo, inclusive, null = open); with on, only the rows valid on that day")
    public List<RuleView> list(
            @Parameter(description = "only the rows that apply to an inspection of this day (ISO date)")
            @QueryParam("on") @ParamMessage("task.query.date") LocalDate on) {
        return rules.list(on);
    }

    @GET
    @Path("/history")
    @Operation(operationId = "listTaskRuleHistory",
            summary = "Every change of the rules, newest first: who (the token's subject), when, and the rule as"
            + " the change left it")
    @ParamsDetail("task.rule.historyInvalid")
    public List<RuleHistoryEntry> history(
            @Parameter(description = "only the changes of this rule") @QueryParam("code")
            @Pattern(regexp = "|" + Limits.RULE_CODE, message = "{task.field.ruleCode}") String code,
            @Parameter(description = "only entries older than this id (the id of the last entry of the previous"
                    + " page)") @QueryParam("before")
            @Pattern(regexp = "|0*[1-9][0-9]{0,17}", message = "{task.rule.before}") String before,
            @Parameter(description = "at most this many entries, 1-500 (default 100)") @QueryParam("limit")
            @DefaultValue("100") @Range(min = 1, max = RuleService.MAX_HISTORY, message = "{task.query.size}")
            int limit) {
        // before and code are checked as text so that all three parameters are reported at once
        return rules.history(code == null || code.isEmpty() ? null : code,
                before == null || before.isEmpty() ? null : Long.valueOf(before), limit);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getTaskRule",
            summary = "One rule row: the one valid on the day given (404 when none), else the one valid today,"
            + " else the latest; the ETag is its version, to send back in If-Match with its validFrom when changing it")
    @APIResponse(responseCode = "200", description = "The rule row; ETag: its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleView.class)))
    public Response get(@PathParam("code") String code,
                        @Parameter(description = "the row valid on this day (ISO date)")
                        @QueryParam("on") @ParamMessage("task.query.date") LocalDate on) {
        RuleView rule = rules.get(code, on);
        return Response.ok(rule).tag(etag(rule)).build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setTaskRule",
            summary = "Create or replace the row of a rule that begins on validFrom (null: the row without a"
            + " start); applies to inspections consumed from now on dated within validFrom..validTo. Replacing needs"
            + " If-Match with the row's ETag (428 without, 412 when stale); creating needs none. validFrom after"
            + " validTo: 422; a period sharing a day with another row of the code: 409")
    @APIResponse(responseCode = "200", description = "The rule; ETag: its new version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleView.class)))
    public Response put(@PathParam("code") String code,
                        @Parameter(description = "the rule's ETag, required to replace an existing rule")
                        @HeaderParam("If-Match") String ifMatch,
                        @Parameter(description = "* to create only, never replace")
                        @HeaderParam("If-None-Match") String ifNoneMatch,
                        @NotNull RuleChange change) {
        RuleView rule = rules.put(code, ifMatch, ifNoneMatch, change, callers.current().subject());
        return Response.ok(rule).tag(etag(rule)).build();
    }

    private static EntityTag etag(RuleView rule) {
        return new EntityTag(Long.toString(rule.version()));
    }
}
