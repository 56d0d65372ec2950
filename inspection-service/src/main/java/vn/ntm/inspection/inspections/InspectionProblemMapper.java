package vn.ntm.inspection.inspections;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.ntm.platform.http.Problems;
import vn.ntm.platform.http.ServiceException;

/** The inspections' own refusal; platform-http renders every other error. */
public class InspectionProblemMapper {

    /** A change the inspection's status does not allow, refused by the entity itself. */
    @ServerExceptionMapper
    public Response statusConflict(InspectionStatusConflict e, UriInfo uri, HttpHeaders headers) {
        return Problems.response(ServiceException.conflict(e.text()).withCode(e.code())
                .problem(uri.getPath(), Problems.locale(headers)));
    }
}
