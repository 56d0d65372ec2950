package vn.ntm.task.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ntm.platform.http.ParamMessage;
import vn.ntm.platform.http.ParamsDetail;
import vn.ntm.task.shared.Caller;
import vn.ntm.task.shared.Callers;

import java.time.LocalDate;

/**
 * The dashboards of a province and of a district (before 2025-07-01) on a day, as JSON or, with
 * {@code Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet}, as a workbook of its tables.
 */
@Path("/dashboards")
@Tag(name = "Dashboards", description = "Province and district overviews: criteria, tiers, work, inspections")
@ParamsDetail("dashboard.query.invalid")
public class DashboardResource {
    private static final String SET_PATTERN = "^[A-Za-z0-9_]{1,60}$";
    private final DashboardService dashboards;
    private final Callers callers;

    public DashboardResource(DashboardService dashboards, Callers callers) {
        this.dashboards = dashboards;
        this.callers = callers;
    }

    @GET
    @Path("/provinces/{code}")
    @Produces({MediaType.APPLICATION_JSON, DashboardXlsx.MEDIA_TYPE})
    @RolesAllowed({Caller.ADMIN, Caller.VIEWER, Caller.INSPECTOR, Caller.ORG})
    @Operation(operationId = "getProvinceDashboard",
            summary = "A province's dashboard on a day: communes by criteria met and tier, each criterion with the"
            + " change since a year earlier, open, overdue, awaiting and done work per department and commune, the"
            + " inspections of the year by lead agency; JSON, or XLSX (one sheet per table) by Accept")
    @APIResponse(responseCode = "200", description = "The dashboard (JSON), or the workbook with Content-Disposition",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Dashboard.class)),
                    @Content(mediaType = DashboardXlsx.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING, format = "binary"))},
            headers = @Header(name = "Content-Disposition", description = "the workbook's file name (XLSX only)",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response province(
            @Parameter(description = "Province code valid on the day (42: Hà Tĩnh)") @PathParam("code") String code,
            @Parameter(description = "The day (ISO date); default today in Asia/Ho_Chi_Minh")
            @QueryParam("at") @ParamMessage("dashboard.query.date") LocalDate at,
            @Parameter(description = "Criteria set code; default the set most of the communes were last inspected"
                    + " under") @QueryParam("criteriaSet")
            @Pattern(regexp = SET_PATTERN, message = "{dashboard.query.criteriaSet}") String criteriaSet,
            @Context HttpHeaders headers) {
        return answer(dashboards.province(code, at, criteriaSet, callers.current()), headers);
    }

    @GET
    @Path("/districts/{code}")
    @Produces({MediaType.APPLICATION_JSON, DashboardXlsx.MEDIA_TYPE})
    @RolesAllowed({Caller.ADMIN, Caller.VIEWER, Caller.INSPECTOR, Caller.ORG})
    @Operation(operationId = "getDistrictDashboard",
            summary = "A district's dashboard on a day before 2025-07-01 (districts were abolished then): the"
            + " tables of the province dashboard for the district's communes; JSON, or XLSX by Accept")
    @APIResponse(responseCode = "200", description = "The dashboard (JSON), or the workbook with Content-Disposition",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Dashboard.class)),
                    @Content(mediaType = DashboardXlsx.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING, format = "binary"))},
            headers = @Header(name = "Content-Disposition", description = "the workbook's file name (XLSX only)",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response district(
            @Parameter(description = "District code valid on the day (446: Huyện Cẩm Xuyên)") @PathParam("code")
            String code,
            @Parameter(description = "The day (ISO date) before 2025-07-01; default today in Asia/Ho_Chi_Minh")
            @QueryParam("at") @ParamMessage("dashboard.query.date") LocalDate at,
            @Parameter(description = "Criteria set code; default the set most of the communes were last inspected"
                    + " under") @QueryParam("criteriaSet")
            @Pattern(regexp = SET_PATTERN, message = "{dashboard.query.criteriaSet}") String criteriaSet,
            @Context HttpHeaders headers) {
        return answer(dashboards.district(code, at, criteriaSet, callers.current()), headers);
    }

    private static Response answer(Dashboard dashboard, HttpHeaders headers) {
        if (!wantsWorkbook(headers)) {
            return Response.ok(dashboard, MediaType.APPLICATION_JSON_TYPE).build();
        }
        StreamingOutput body = out -> DashboardXlsx.write(dashboard, out);
        return Response.ok(body, DashboardXlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + DashboardXlsx.fileName(dashboard) + "\"")
                .build();
    }

    /** The workbook when the client prefers it to JSON (JSON by default, also for {@code *}{@code /*}). */
    private static boolean wantsWorkbook(HttpHeaders headers) {
        MediaType xlsx = MediaType.valueOf(DashboardXlsx.MEDIA_TYPE);
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
                return false;
            }
            if (xlsx.isCompatible(type)) {
                return true;
            }
        }
        return false;
    }
}
