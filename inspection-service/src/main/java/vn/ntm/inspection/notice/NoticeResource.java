package vn.ntm.inspection.notice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ntm.inspection.inspections.InspectionService;
import vn.ntm.inspection.inspections.Views.InspectionView;
import vn.ntm.inspection.shared.CurrentCaller;

import java.util.UUID;

/** The notice (Thông báo) of an inspection as a document; readable by whoever may read the record. */
@Path("/inspections/{id}/notice")
@Tag(name = "Inspections")
public class NoticeResource {
    private static final MediaType DOCX = MediaType.valueOf(DocxRenderer.MEDIA_TYPE);
    private static final MediaType PDF = MediaType.valueOf(PdfRenderer.MEDIA_TYPE);

    private final InspectionService inspections;
    private final NoticeTemplates templates;
    private final CurrentCaller caller;

    public NoticeResource(InspectionService inspections, NoticeTemplates templates, CurrentCaller caller) {
        this.inspections = inspections;
        this.templates = templates;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({"admin", "inspector", "viewer"})
    @Produces({DocxRenderer.MEDIA_TYPE, PdfRenderer.MEDIA_TYPE})
    @Operation(operationId = "getInspectionNotice",
            summary = "The notice (Thông báo) of the inspection as an administrative document (Decree 30/2020/NĐ-CP):"
            + " DOCX (editable in Word) or PDF by Accept; a DRAFT is marked \"DỰ THẢO\"")
    @APIResponse(responseCode = "200", description = "The notice; Content-Disposition: attachment with its file name",
            content = {
                @Content(mediaType = DocxRenderer.MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = PdfRenderer.MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response notice(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        InspectionView inspection = inspections.get(caller.get(), id).body();
        NoticeDocument notice = NoticeBuilder.build(inspection);
        boolean pdf = wantsPdf(headers);
        byte[] file = pdf ? PdfRenderer.render(notice, templates.pdfLayout(), templates::bytes)
                : DocxRenderer.render(notice, templates.bytes(NoticeTemplates.DOCX));
        return Response.ok(file, pdf ? PDF : DOCX)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(inspection, pdf) + "\"")
                .build();
    }

    /** The first acceptable type, in the client's order of preference, that names PDF or DOCX (a wildcard: DOCX). */
    private static boolean wantsPdf(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            boolean docx = accepted.isCompatible(DOCX);
            boolean pdf = accepted.isCompatible(PDF);
            if (docx || pdf) {
                return pdf && !docx;
            }
        }
        return false;
    }

    /** "thong-bao-<id>.pdf", "thong-bao-du-thao-<id>.docx" for a draft: ASCII, unique, never from free text. */
    static String fileName(InspectionView inspection, boolean pdf) {
        return "thong-bao-" + ("FINALIZED".equals(inspection.status()) ? "" : "du-thao-") + inspection.id()
                + (pdf ? ".pdf" : ".docx");
    }
}
