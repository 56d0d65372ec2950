package vn.ntm.task.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ntm.task.service.Caller;
import vn.ntm.task.service.RuleService;
import vn.ntm.task.service.RuleService.RuleChange;
import vn.ntm.task.service.RuleService.RuleView;

import java.util.List;

@Path("/task-rules")
@Tag(name = "Task rules", description = "The data-driven rules that turn findings into tasks (administration)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class TaskRuleResource {
    private final RuleService rules;

    public TaskRuleResource(RuleService rules) {
        this.rules = rules;
    }

    @GET
    @Operation(summary = "List the rules in the order they are applied")
    public List<RuleView> list() {
        return rules.list();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One rule")
    public RuleView get(@PathParam("code") String code) {
        return rules.get(code);
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a rule; applies to inspections consumed from now on")
    public RuleView put(@PathParam("code") String code, @NotNull RuleChange change) {
        return rules.put(code, change);
    }
}
