package vn.ntm.inspection.inspections;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hibernate.validator.constraints.Range;
import org.jboss.resteasy.reactive.RestResponse;
import vn.ntm.inspection.inspections.Requests.CorrectionInput;
import vn.ntm.inspection.inspections.Requests.CreateInspection;
import vn.ntm.inspection.inspections.Requests.FindingInput;
import vn.ntm.inspection.inspections.Requests.RecommendationInput;
import vn.ntm.inspection.inspections.Views.CommuneView;
import vn.ntm.inspection.inspections.Views.CorrectionView;
import vn.ntm.inspection.inspections.Views.InspectionListItem;
import vn.ntm.inspection.inspections.Views.InspectionView;
import vn.ntm.inspection.inspections.Views.Page;
import vn.ntm.inspection.inspections.Views.RecommendationView;
import vn.ntm.inspection.shared.CurrentCaller;
import vn.ntm.platform.http.PageLinks;
import vn.ntm.platform.http.StrictJson;
import vn.ntm.platform.http.ParamsDetail;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

@Path("/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inspections")
public class InspectionResource {
    private static final String NUMBER = "{inspection.query.number}";
    static final String MERGE_PATCH = "application/merge-patch+json";
    private final InspectionService inspections;
    private final InspectionQueries queries;
    private final CurrentCaller caller;
    private final StrictJson json;

    public InspectionResource(InspectionService inspections, InspectionQueries queries, CurrentCaller caller,
                              StrictJson json) {
        this.inspections = inspections;
        this.queries = queries;
        this.caller = caller;
        this.json = json;
    }

    @POST
    @RolesAllowed({"admin", "inspector"})
    @Operation(operationId = "createInspection",
            summary = "Record an inspection (DRAFT); a retry with the same Idempotency-Key returns the first one")
    @APIResponse(responseCode = "201", description = "The DRAFT inspection; Location: its URL",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InspectionView.class)))
    public Response create(@NotNull @Valid CreateInspection request, @Context UriInfo uri,
                           @HeaderParam("Idempotency-Key") String idempotencyKey) {
        InspectionView created = inspections.create(caller.get(), request, idempotencyKey);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({"admin", "inspector", "viewer"})
    @Operation(operationId = "listInspections",
            summary = "List inspections, newest first unless sort says otherwise, filtered by province, district,"
            + " commune, year, status and words (q); pages start at 0")
    @ParamsDetail("inspection.query.invalid")
    @APIResponse(responseCode = "200", description = "A page of inspections; Link: its first, prev, next and last"
            + " pages (RFC 8288)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InspectionPage.class)),
            headers = @Header(name = PageLinks.HEADER, description = PageLinks.DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<Page<InspectionListItem>> list(@QueryParam("province") String province,
                                         @QueryParam("district") String district,
                                         @QueryParam("commune") String commune,
                                         @QueryParam("year")
                                         @Range(min = Limits.FIRST_YEAR, max = Limits.LAST_YEAR,
                                                 message = NUMBER) Integer year,
                                         @Parameter(description = "DRAFT or FINALIZED, any case")
                                         @QueryParam("status") @Pattern(regexp = "|DRAFT|FINALIZED",
                                                 flags = Pattern.Flag.CASE_INSENSITIVE,
                                                 message = "{inspection.query.status}") String status,
                                         @Parameter(description = "Words to find in the title, the province,"
                                                 + " district, lead agency or a commune name, ignoring diacritics"
                                                 + " and case (\"thuong cuong\" finds \"Thượng Cường\")")
                                         @QueryParam("q") String q,
                                         @Parameter(description = "Comma-separated keys inspectedOn, createdAt,"
                                                 + " title, each with - for descending; ties broken by id."
                                                 + " Default -inspectedOn,-createdAt (newest first)")
                                         @QueryParam("sort") String sort,
                                         @Parameter(description = "from 0 (default 0); not with after")
                                         @QueryParam("page")
                                         @Range(max = Limits.MAX_PAGE, message = "{inspection.query.page}") Integer page,
                                         @Parameter(description = "the next value of the previous page (opaque);"
                                                 + " not with page")
                                         @QueryParam("after") String after,
                                         @Parameter(description = "1..100, default 20")
                                         @QueryParam("size") @DefaultValue("20")
                                         @Range(min = 1, max = InspectionQueries.MAX_PAGE_SIZE,
                                                 message = NUMBER) int size,
                                         @Context UriInfo uri) {
        // status is checked as text so that a wrong status and a wrong size are reported in one answer
        InspectionStatus wanted = status == null || status.isEmpty() ? null
                : InspectionStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
        Page<InspectionListItem> found = queries.list(caller.get(),
                new InspectionQueries.Filter(province, district, commune, year, wanted, q), sort, page, after, size);
        return RestResponse.ResponseBuilder.ok(found).header(PageLinks.HEADER, PageLinks.header(uri.getRequestUri(),
                new PageLinks.Page(found.page(), found.size(), found.total(), found.totalExact(), found.next()),
                Limits.MAX_PAGE)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "inspector", "viewer"})
    @Operation(operationId = "getInspection",
            summary = "An inspection with findings, computed summaries and recommendations; the ETag is its"
            + " version, to send back in If-Match")
    @APIResponse(responseCode = "200", description = "The inspection; ETag: \"<version>\"",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InspectionView.class)))
    public Response get(@PathParam("id") UUID id,
                        @Parameter(description = "The version of the findings: 1 = as finalized, each correction"
                                + " adds one; default the latest")
                        @QueryParam("version") @Range(min = 1, max = Integer.MAX_VALUE, message = NUMBER)
                        Integer version) {
        InspectionService.Tagged<InspectionView> found = inspections.get(caller.get(), id, version);
        return Response.ok(found.body()).tag(etag(found.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({"admin", "inspector"})
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateInspection",
            summary = "Change the notice's fields of a DRAFT (number, place, signer, recipients) with If-Match, as a"
            + " JSON merge patch: a field left out is kept, null clears it")
    @RequestBody(required = true, content = {
        @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = Requests.InspectionPatch.class)),
        @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = Requests.InspectionPatch.class))})
    @APIResponse(responseCode = "200", description = "The inspection; ETag: its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InspectionView.class)))
    public Response update(@PathParam("id") UUID id,
                           @Parameter(description = "The inspection's current ETag") @HeaderParam("If-Match")
                           String ifMatch, byte[] body) throws IOException {
        // read here: the JSON reader does not take application/merge-patch+json; the same strict JSON as every body
        Requests.InspectionPatch patch = json.getContext(Requests.InspectionPatch.class)
                .readValue(body == null ? new byte[0] : body, Requests.InspectionPatch.class);
        InspectionService.Tagged<InspectionView> changed = inspections.updateNotice(caller.get(), id, ifMatch, patch);
        return Response.ok(changed.body()).tag(etag(changed.version())).build();
    }

    @POST
    @Path("/{id}/corrections")
    @RolesAllowed({"admin", "inspector"})
    @Operation(operationId = "correctInspection",
            summary = "Correct (đính chính) a FINALIZED inspection with If-Match: new version of the findings of"
            + " the communes given, with a reason; publishes ntm.inspection.corrected")
    @APIResponse(responseCode = "201", description = "The correction; ETag: the inspection's new version;"
            + " Location: the corrected version of the inspection",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CorrectionView.class)))
    public Response correct(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @NotNull @Valid CorrectionInput request, @Context UriInfo uri) {
        InspectionService.Tagged<CorrectionView> corrected = inspections.correct(caller.get(), id, ifMatch, request);
        return Response.created(uri.getBaseUriBuilder().path("inspections").path(id.toString())
                        .queryParam("version", corrected.body().version()).build())
                .entity(corrected.body()).tag(etag(corrected.version())).build();
    }

    @GET
    @Path("/{id}/corrections")
    @RolesAllowed({"admin", "inspector", "viewer"})
    @Operation(operationId = "listCorrections",
            summary = "The corrections of an inspection, oldest first: version, reason, who, when, which communes")
    public List<CorrectionView> corrections(@PathParam("id") UUID id) {
        return inspections.corrections(caller.get(), id);
    }

    @PUT
    @Path("/{id}/communes/{communeCode}/findings")
    @RolesAllowed({"admin", "inspector"})
    @Operation(operationId = "replaceFindings",
            summary = "Replace the findings of one commune (checked against its criteria set) with If-Match")
    @APIResponse(responseCode = "200", description = "The commune with its summary; ETag: the inspection's new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CommuneView.class)))
    public Response replaceFindings(@PathParam("id") UUID id, @PathParam("communeCode") String communeCode,
                                    @HeaderParam("If-Match") String ifMatch, List<FindingInput> findings) {
        InspectionService.Tagged<CommuneView> changed = inspections.replaceFindings(caller.get(), id, communeCode,
                ifMatch, findings);
        return Response.ok(changed.body()).tag(etag(changed.version())).build();
    }

    @POST
    @Path("/{id}/recommendations")
    @RolesAllowed({"admin", "inspector"})
    @Operation(operationId = "addRecommendation",
            summary = "Add a recommendation (a task the notice asks of a named organisation)")
    @APIResponse(responseCode = "201", description = "The recommendation",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RecommendationView.class)))
    public Response recommend(@PathParam("id") UUID id, @NotNull @Valid RecommendationInput request,
                              @HeaderParam("Idempotency-Key") String idempotencyKey) {
        RecommendationView created = inspections.recommend(caller.get(), id, request, idempotencyKey);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"admin", "inspector"})
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "deleteInspection",
            summary = "Delete a DRAFT inspection with If-Match (who may edit it may delete it); the deletion is"
            + " recorded with the token subject; nothing is published")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteInspection(@PathParam("id") UUID id,
                                     @Parameter(description = "The inspection's current ETag") @HeaderParam("If-Match")
                                     String ifMatch) {
        inspections.delete(caller.get(), id, ifMatch);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}/recommendations/{recommendationId}")
    @RolesAllowed({"admin", "inspector"})
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "deleteRecommendation",
            summary = "Delete one recommendation of a DRAFT inspection with If-Match (the inspection's ETag);"
            + " recorded with the token subject")
    @APIResponse(responseCode = "204", description = "Deleted; ETag: the inspection's new version")
    public Response deleteRecommendation(@PathParam("id") UUID id,
                                         @PathParam("recommendationId") String recommendationId,
                                         @Parameter(description = "The inspection's current ETag")
                                         @HeaderParam("If-Match") String ifMatch) {
        long version = inspections.deleteRecommendation(caller.get(), id, recommendationId, ifMatch);
        return Response.noContent().tag(etag(version)).build();
    }

    @POST
    @Path("/{id}/finalize")
    @RolesAllowed({"admin", "inspector"})
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "finalizeInspection",
            summary = "Finalize: check completeness, freeze, publish ntm.inspection.finalized",
            description = "Answers the frozen record as the event states it: communes[].change is null here"
                    + " (GET /inspections/{id} compares each commune with its previous inspection)")
    public InspectionView finalizeInspection(@PathParam("id") UUID id) {
        return inspections.finalize(caller.get(), id);
    }

    /** The list's page as the OpenAPI document names it (the generic {@link Page} of inspections). */
    @Schema(name = "InspectionPage")
    record InspectionPage(@Schema(required = true) List<InspectionListItem> items,
                          @Schema(required = true) long total,
                          @Schema(required = true) int page,
                          @Schema(required = true) int size,
                          @Schema(required = true, description = "always true here: total is the exact count")
                          boolean totalExact,
                          @Schema(description = "send as after for the next page; null on the last page")
                          String next) {
    }

    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
