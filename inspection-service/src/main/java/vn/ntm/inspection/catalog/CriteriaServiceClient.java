package vn.ntm.inspection.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** criteria-service's {@code GET /criteria-sets/{code}}: the read-through fallback for a set not copied yet. */
@RegisterRestClient(configKey = "criteria-service")
@Path("/criteria-sets")
public interface CriteriaServiceClient {

    @GET
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    CriteriaSet get(@PathParam("code") String code);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CriteriaSet(String code, String name, String level, String tier, String status,
                       List<Criterion> criteria) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Criterion(int number, String code, String name, String group, List<Sector> sectors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Sector(String code, String name) {
    }
}
