package vn.ntm.inspection.inspections;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.ntm.platform.http.ProblemKind;
import vn.ntm.platform.http.Problems;

/** The inspections' own refusal; platform-http renders every other error. */
public class InspectionProblemMapper {

    /** A change to a finalized inspection, refused by the entity itself. */
    @ServerExceptionMapper
    public Response frozen(InspectionFrozenException e, UriInfo uri, HttpHeaders headers) {
        return Problems.response(ProblemKind.CONFLICT, e.text(), uri.getPath(), Problems.locale(headers));
    }

    /** A correction of a DRAFT inspection. */
    @ServerExceptionMapper
    public Response draft(InspectionNotFinalizedException e, UriInfo uri, HttpHeaders headers) {
        return Problems.response(ProblemKind.CONFLICT, e.text(), uri.getPath(), Problems.locale(headers));
    }
}
