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

@Path("/sectors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reference lists")
public class SectorResource {
    private final ReferenceService references;

    public SectorResource(ReferenceService references) {
        this.references = references;
    }

    @GET
    @Operation(summary = "The responsible sectors (Sở/ngành) and their codes")
    @PermitAll
    public List<ReferenceService.SectorView> sectors() {
        return references.sectors();
    }
}
