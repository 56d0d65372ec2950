package vn.ntm.criteria.sets;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/criteria")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Criteria sets")
public class SearchResource {
    private final CriteriaSetService sets;

    public SearchResource(CriteriaSetService sets) {
        this.sets = sets;
    }

    @GET
    @Operation(operationId = "searchCriteria", summary = "Search criterion and indicator names of published sets, ignoring diacritics and case")
    @PermitAll
    public List<SearchHit> search(@QueryParam("q") @Size(max = 200) String q,
                                  @QueryParam("set") @Size(max = 64) String set) {
        return sets.search(q, set);
    }
}
