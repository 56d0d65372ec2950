package vn.ntm.inspection.register;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.ntm.inspection.register.RegisterService.RegisterNotLoadedException;
import vn.ntm.platform.http.Problems;

/** 503 with {@code Retry-After} while a copy of criteria-service's reference data has not arrived yet. */
public class RegisterProblemMapper {

    /** The register copy has not arrived yet: retry once criteria-service's announcement is consumed. */
    @ServerExceptionMapper
    public Response registerNotLoaded(RegisterNotLoadedException e, UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(Problems.response(e.problem(uri.getPath(), Problems.locale(headers))))
                .header("Retry-After", null)
                .header("Retry-After", RegisterNotLoadedException.RETRY_AFTER_SECONDS).build();
    }

    /** The sector list copy has not arrived yet: retry once criteria-service's announcement is consumed. */
    @ServerExceptionMapper
    public Response sectorListNotLoaded(SectorService.SectorListNotLoadedException e, UriInfo uri,
                                        HttpHeaders headers) {
        return Response.fromResponse(Problems.response(e.problem(uri.getPath(), Problems.locale(headers))))
                .header("Retry-After", null)
                .header("Retry-After", RegisterNotLoadedException.RETRY_AFTER_SECONDS).build();
    }
}
