package vn.ntm.criteria.reference;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/regions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reference lists")
public class RegionResource {
    private final ReferenceService references;

    public RegionResource(ReferenceService references) {
        this.references = references;
    }

    @GET
    @Operation(operationId = "listRegions", summary = "The 7 regions thresholds differ by")
    @PermitAll
    public List<ReferenceService.RegionView> regions() {
        return references.regions();
    }
}
