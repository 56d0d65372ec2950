package vn.ntm.criteria.sets;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ntm.criteria.shared.Roles;

import java.net.URI;
import java.util.List;

@Path("/criteria-sets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Criteria sets", description = "The versioned national criteria catalog")
public class CriteriaSetResource {
    private final CriteriaSetService sets;

    public CriteriaSetResource(CriteriaSetService sets) {
        this.sets = sets;
    }

    @GET
    @Operation(operationId = "listCriteriaSets", summary = "List criteria sets (optionally by status)")
    @PermitAll
    public List<CriteriaSetView.Summary> list(@QueryParam("status") SetStatus status) {
        return sets.list(status);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getCriteriaSet", summary = "A criteria set with its groups, criteria, indicators, thresholds and sectors")
    @PermitAll
    public CriteriaSetView get(@PathParam("code") String code) {
        return sets.get(code);
    }

    @GET
    @Path("/{code}/criteria/{number}")
    @Operation(operationId = "getCriterion", summary = "One criterion of a set")
    @PermitAll
    public CriteriaSetView.CriterionView criterion(@PathParam("code") String code, @PathParam("number") int number) {
        return sets.criterion(code, number);
    }

    @GET
    @Path("/{code}/export")
    @Operation(operationId = "exportCriteriaSet", summary = "Export a set as one JSON document (POST it to /criteria-sets to import it)")
    @PermitAll
    public CriteriaSetDocument export(@PathParam("code") String code) {
        return sets.export(code);
    }

    @POST
    @Operation(operationId = "createCriteriaSet", summary = "Create a draft set from one JSON document (also imports an exported set)")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "The draft set; Location: its URL",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CriteriaSetView.class)))
    public Response create(@NotNull @Valid CriteriaSetDocument document) {
        CriteriaSetView created = sets.create(document);
        return Response.created(URI.create("/criteria-sets/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("/{code}")
    @Operation(operationId = "editCriteriaSet", summary = "Replace the content of a draft set (409 once published)")
    @RolesAllowed(Roles.ADMIN)
    public CriteriaSetView edit(@PathParam("code") String code, @NotNull @Valid CriteriaSetDocument document) {
        return sets.edit(code, document);
    }

    @POST
    @Path("/{code}/criteria/{number}/indicators/{indicator}/thresholds")
    @Operation(operationId = "addIndicatorThreshold", summary = "Add a threshold to an indicator of a draft set")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "The indicator with its thresholds",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = vn.ntm.criteria.sets.CriteriaSetView.IndicatorView.class)))
    public Response addThreshold(@PathParam("code") String code, @PathParam("number") int number,
                                 @PathParam("indicator") String indicator,
                                 @NotNull @Valid CriteriaSetDocument.Threshold threshold) {
        return Response.status(201).entity(sets.addThreshold(code, number, indicator, threshold)).build();
    }

    @POST
    @Path("/{code}/publish")
    @Operation(operationId = "publishCriteriaSet", summary = "Validate the whole set and publish it (emits ntm.criteria-set.published)")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.WILDCARD) // no body: a POST without one needs no Content-Type
    public CriteriaSetView publish(@PathParam("code") String code) {
        return sets.publish(code);
    }

    @POST
    @Path("/{code}/retire")
    @Operation(operationId = "retireCriteriaSet", summary = "Retire a published set")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.WILDCARD) // no body: a POST without one needs no Content-Type
    public CriteriaSetView retire(@PathParam("code") String code) {
        return sets.retire(code);
    }

    @POST
    @Path("/{code}/evaluate")
    @Operation(operationId = "evaluateAgainstCriteriaSet", summary = "Judge a commune's indicator values against the set")
    @PermitAll
    public Evaluator.Evaluation evaluate(@PathParam("code") String code, @NotNull @Valid EvaluationRequest request) {
        return sets.evaluate(code, request);
    }
}
