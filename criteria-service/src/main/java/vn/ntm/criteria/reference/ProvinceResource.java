package vn.ntm.criteria.reference;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

@Path("/provinces")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reference lists")
public class ProvinceResource {
    private final ReferenceService references;

    public ProvinceResource(ReferenceService references) {
        this.references = references;
    }

    @GET
    @Operation(operationId = "listProvinces", summary = "Provinces with their region")
    @PermitAll
    public List<ReferenceService.ProvinceView> provinces() {
        return references.provinces();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getProvince", summary = "One province")
    @PermitAll
    public ReferenceService.ProvinceView province(@PathParam("code") String code) {
        return references.province(code);
    }

    @POST
    @Operation(operationId = "addProvince", summary = "Add a province with its region")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "201", description = "The province; Location: its URL",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReferenceService.ProvinceView.class)))
    public Response addProvince(@NotNull @Valid ProvinceRequest request) {
        ReferenceService.ProvinceView created = references.addProvince(request);
        return Response.created(URI.create("/provinces/" + created.code())).entity(created).build();
    }
}
