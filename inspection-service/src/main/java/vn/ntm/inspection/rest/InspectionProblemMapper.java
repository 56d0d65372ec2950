package vn.ntm.inspection.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.ntm.inspection.domain.InspectionFrozenException;
import vn.ntm.inspection.service.RegisterService.RegisterNotLoadedException;
import vn.ntm.inspection.service.SectorService;
import vn.ntm.platform.http.ProblemKind;
import vn.ntm.platform.http.Problems;

/** This service's own refusals; platform-http renders every other error. */
public class InspectionProblemMapper {

    /** A change to a finalized inspection, refused by the entity itself. */
    @ServerExceptionMapper
    public Response frozen(InspectionFrozenException e, UriInfo uri, HttpHeaders headers) {
        return Problems.response(ProblemKind.CONFLICT, e.text(), uri.getPath(), Problems.locale(headers));
    }

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
