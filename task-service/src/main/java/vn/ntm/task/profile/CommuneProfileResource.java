package vn.ntm.task.profile;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ntm.platform.http.ParamMessage;
import vn.ntm.platform.http.ParamsDetail;
import vn.ntm.platform.http.Problems;
import vn.ntm.task.shared.Caller;
import vn.ntm.task.shared.Callers;

import java.time.LocalDate;

/** A commune's page in one call: {@code GET /communes/{code}/profile}. */
@Path("/communes")
@Tag(name = "Communes", description = "A commune's profile: lineage, latest results, tier, open work, inspections")
@ParamsDetail("task.profile.query.invalid")
@Produces(MediaType.APPLICATION_JSON)
public class CommuneProfileResource {
    private final CommuneProfileService profiles;
    private final Callers callers;

    public CommuneProfileResource(CommuneProfileService profiles, Callers callers) {
        this.profiles = profiles;
        this.callers = callers;
    }

    @GET
    @Path("/{code}/profile")
    @RolesAllowed({Caller.ADMIN, Caller.VIEWER, Caller.INSPECTOR, Caller.ORG})
    @Operation(operationId = "getCommuneProfile",
            summary = "A commune's profile on a date: the unit the code means then, its predecessors and successors,"
            + " the latest assessed result of each criterion across its lineage's inspections, the tier reached and"
            + " targeted, the open work of its lineage the caller may see, and its inspections, oldest first")
    public CommuneProfile profile(@PathParam("code") String code,
                                  @Parameter(description = "The date the code is read on (codes are reused: 06475 is"
                                          + " Xã Gia Lộc until 2025-06-30, Xã Bằng Mạc since) and results are taken up"
                                          + " to; default today in Asia/Ho_Chi_Minh")
                                  @QueryParam("at") @ParamMessage("task.query.date") LocalDate at,
                                  @Context HttpHeaders headers) {
        return profiles.profile(code, at, callers.current(), Problems.locale(headers));
    }
}
