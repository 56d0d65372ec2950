package vn.ntm.inspection.notice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ntm.inspection.shared.CurrentCaller;

import java.time.Instant;

/**
 * A province's own notice templates: the Word template ({@code docx}) and the PDF layout ({@code pdf}), each checked
 * on the sample notice at upload; for an administrator or an inspector of the province.
 */
@Path("/notice-templates/{provinceCode}/{kind}")
@Tag(name = "Notice templates")
public class NoticeTemplateResource {
    private static final String PROVINCE = "^[0-9]{2}$";
    private static final String PROVINCE_MESSAGE = "{inspection.template.provinceCode}";
    private static final String KIND = "docx (the Word template) or pdf (the PDF layout, properties in UTF-8)";

    private final NoticeTemplateService templates;
    private final CurrentCaller caller;

    public NoticeTemplateResource(NoticeTemplateService templates, CurrentCaller caller) {
        this.templates = templates;
        this.caller = caller;
    }

    /** What an upload stored. */
    @Schema(name = "NoticeTemplate")
    public record NoticeTemplateView(@Schema(required = true) String provinceCode,
                                     @Schema(required = true, enumeration = {"docx", "pdf"}) String kind,
                                     @Schema(required = true, description = "bytes stored") long size,
                                     @Schema(required = true, description = "the token subject") String uploadedBy,
                                     @Schema(required = true) Instant uploadedAt) {
    }

    @PUT
    @RolesAllowed({"admin", "inspector"})
    @Consumes({DocxRenderer.MEDIA_TYPE, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putNoticeTemplate",
            summary = "Replace the province's notice template (docx: the Word template; pdf: the PDF layout as"
            + " UTF-8 properties). The sample notice is rendered with it first: a template that does not render is"
            + " refused with what is wrong and nothing is stored")
    @RequestBody(required = true, content = {
        @Content(mediaType = DocxRenderer.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "200", description = "Replaced the province's template",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NoticeTemplateView.class)))
    @APIResponse(responseCode = "201", description = "The province's first template of this kind",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NoticeTemplateView.class)))
    public Response put(@PathParam("provinceCode") @Pattern(regexp = PROVINCE, message = PROVINCE_MESSAGE)
                        String provinceCode,
                        @Parameter(description = KIND) @PathParam("kind") String kind,
                        @Context HttpHeaders headers, byte[] content) {
        MediaType type = headers.getMediaType();
        NoticeTemplateService.StoredTemplate stored = templates.put(caller.get(), provinceCode, kind,
                type == null ? null : type.toString(), content == null ? new byte[0] : content);
        return Response.status(stored.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(new NoticeTemplateView(stored.provinceCode(), stored.kind(), stored.size(),
                        stored.uploadedBy(), stored.uploadedAt())).build();
    }

    @GET
    @RolesAllowed({"admin", "inspector"})
    @Produces({DocxRenderer.MEDIA_TYPE, NoticeTemplateService.PDF_LAYOUT_MEDIA_TYPE})
    @Operation(operationId = "getNoticeTemplate",
            summary = "The notice template in force for the province: its own, else the bundled one")
    @APIResponse(responseCode = "200", description = "The template; Content-Disposition: attachment with its file"
            + " name (thong-bao-<province>.docx for the province's own, thong-bao.docx for the bundled one)",
            content = {
                @Content(mediaType = DocxRenderer.MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = NoticeTemplateService.PDF_LAYOUT_MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING))})
    public Response get(@PathParam("provinceCode") @Pattern(regexp = PROVINCE, message = PROVINCE_MESSAGE)
                        String provinceCode,
                        @Parameter(description = KIND) @PathParam("kind") String kind) {
        NoticeTemplateService.TemplateFile file = templates.get(caller.get(), provinceCode, kind);
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"").build();
    }

    @DELETE
    @RolesAllowed({"admin", "inspector"})
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "deleteNoticeTemplate",
            summary = "Remove the province's own template: its notices use the bundled one again")
    @APIResponse(responseCode = "204", description = "The bundled template is in force")
    public Response delete(@PathParam("provinceCode") @Pattern(regexp = PROVINCE, message = PROVINCE_MESSAGE)
                           String provinceCode,
                           @Parameter(description = KIND) @PathParam("kind") String kind) {
        templates.delete(caller.get(), provinceCode, kind);
        return Response.noContent().build();
    }
}
