package vn.ntm.inspection.history;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ntm.inspection.shared.CurrentCaller;

import java.time.LocalDate;


@Path("/communes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Communes")
public class CommuneResource {
    private final CommuneHistoryService histories;
    private final CurrentCaller caller;

    public CommuneResource(CommuneHistoryService histories, CurrentCaller caller) {
        this.histories = histories;
        this.caller = caller;
    }

    @GET
    @Path("/{code}/history")
    @RolesAllowed({"admin", "inspector", "viewer"})
    @Operation(operationId = "getCommuneHistory",
            summary = "Every finalized inspection of one commune and of the units it succeeded, oldest first, with"
            + " newly met and lost criteria")
    public CommuneHistory history(@PathParam("code") String code,
                                  @Parameter(description = "The date the code is read on (a code may name another"
                                          + " unit at another date); default: the unit's latest version")
                                  @QueryParam("on") LocalDate on) {
        return histories.history(caller.get(), code, on);
    }
}
