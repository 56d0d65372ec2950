package vn.ntm.criteria.register;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hibernate.validator.constraints.Range;
import org.jboss.resteasy.reactive.RestResponse;
import vn.ntm.criteria.shared.Roles;
import vn.ntm.platform.http.ParamMessage;
import vn.ntm.platform.http.Actors;
import vn.ntm.platform.http.PageLinks;
import vn.ntm.platform.http.ParamsDetail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

@Path("/admin-units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administrative units")
public class AdminUnitResource {
    private static final String AT = "the date the register is read on, YYYY-MM-DD; today in Vietnam by default";
    private static final String DATE = "criteria.field.date";
    private static final String INVALID = "criteria.request.invalidParameters";

    private final AdminUnitService units;
    private final AdminUnitImportService imports;
    private final JsonWebToken token;

    public AdminUnitResource(AdminUnitService units, AdminUnitImportService imports, JsonWebToken token) {
        this.units = units;
        this.imports = imports;
        this.token = token;
    }

    @GET
    @Operation(operationId = "listAdminUnits", summary = "Units valid on a date, by level, parent, province and name (ignoring diacritics and case)")
    @PermitAll
    @ParamsDetail("criteria.query.invalid")
    @APIResponse(responseCode = "200", description = "A page of units; Link: its first, prev, next and last pages"
            + " (RFC 8288)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AdminUnitService.UnitPage.class)),
            headers = @Header(name = PageLinks.HEADER, description = PageLinks.DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<AdminUnitService.UnitPage> list(
            @QueryParam("level") @Parameter(description = "province, district or commune")
            @ParamMessage("criteria.unit.level") AdminLevel level,
            @QueryParam("parent") String parent,
            @QueryParam("province") String province,
            @QueryParam("q") @Parameter(description = "part of the name, or the code") String q,
            @QueryParam("at") @Parameter(description = AT) @ParamMessage(DATE) LocalDate at,
            @QueryParam("page") @Parameter(description = "from 0 (default 0); not with after")
            @Range(max = AdminUnitService.MAX_PAGE, message = "{criteria.query.page}") Integer page,
            @QueryParam("after") @Parameter(description = "the next value of the previous page (opaque); not with"
                    + " page") String after,
            @QueryParam("size") @Parameter(description = "1..200, default 50") @DefaultValue("50")
            @Range(min = 1, max = AdminUnitService.MAX_SIZE, message = "{criteria.query.number}") int size,
            @Context UriInfo uri) {
        AdminUnitService.UnitPage found = units.list(level, parent, province, q, at, page, after, size);
        return RestResponse.ResponseBuilder.ok(found).header(PageLinks.HEADER, PageLinks.header(uri.getRequestUri(),
                new PageLinks.Page(found.page(), found.size(), found.total(), found.totalExact(), found.next()),
                AdminUnitService.MAX_PAGE)).build();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getAdminUnit", summary = "The unit that had this code on a date")
    @ParamsDetail(INVALID)
    @PermitAll
    public AdminUnitService.UnitView get(@PathParam("code") String code,
                                         @QueryParam("at") @Parameter(description = AT) @ParamMessage(DATE) LocalDate at) {
        return units.get(code, at);
    }

    @GET
    @Path("/{code}/successors")
    @Operation(operationId = "listAdminUnitSuccessors", summary = "The units that took over the unit that had this code on a date")
    @ParamsDetail(INVALID)
    @PermitAll
    public List<AdminUnitService.LinkedUnit> successors(@PathParam("code") String code,
                                                        @QueryParam("at") @Parameter(description = AT) @ParamMessage(DATE) LocalDate at) {
        return units.successors(code, at);
    }

    @GET
    @Path("/{code}/predecessors")
    @Operation(operationId = "listAdminUnitPredecessors", summary = "The units the unit that had this code on a date was formed from")
    @ParamsDetail(INVALID)
    @PermitAll
    public List<AdminUnitService.LinkedUnit> predecessors(@PathParam("code") String code,
                                                          @QueryParam("at") @Parameter(description = AT) @ParamMessage(DATE) LocalDate at) {
        return units.predecessors(code, at);
    }

    @GET
    @Path("/{code}/flags")
    @Operation(operationId = "getAdminUnitFlags", summary = "A commune's especially-disadvantaged and safe-zone status over time")
    @PermitAll
    public List<AdminUnitService.FlagPeriod> flags(@PathParam("code") String code) {
        return units.flags(code);
    }

    @PUT
    @Path("/{code}/flags")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setAdminUnitFlags", summary = "Set a commune's especially-disadvantaged and safe-zone status for a period")
    @RolesAllowed(Roles.ADMIN)
    public List<AdminUnitService.FlagPeriod> setFlags(@PathParam("code") String code,
                                                      @NotNull @Valid FlagRequest request) {
        return units.setFlags(code, request);
    }

    @POST
    @Path("/imports")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(operationId = "importAdminUnits", summary = "Import a register file (units-*.csv: level,code,name,type,parent_code, complete for"
            + " validFrom..validTo) or a succession file (old_code,old_name,new_code,new_name,effective_from"
            + "[,legal_basis]); checked whole, idempotent")
    @RolesAllowed(Roles.ADMIN)
    @ParamsDetail("criteria.import.invalid")
    public AdminUnitImportService.ImportSummary importFile(
            @QueryParam("validFrom") @Parameter(description = "units file: first day it is valid, YYYY-MM-DD")
            @ParamMessage(DATE) LocalDate validFrom,
            @QueryParam("validTo") @Parameter(description = "units file: last day it is valid; open when absent")
            @ParamMessage(DATE) LocalDate validTo,
            @QueryParam("version") @Parameter(description = "a name for this register state, e.g. units-2025-07")
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}", message = "{criteria.import.version}") String version,
            @QueryParam("legalBasis") @Parameter(description = "succession file: legal basis of rows without their own") String legalBasis,
            byte[] body) throws CharacterCodingException {
        String csv = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body == null ? new byte[0] : body)).toString();
        return imports.importFile(csv, validFrom, validTo, version, legalBasis, Actors.of(token));
    }
}
