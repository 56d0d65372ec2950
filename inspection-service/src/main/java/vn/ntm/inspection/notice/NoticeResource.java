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
import vn.ntm.inspection.shared.CurrentCaller;

import java.util.UUID;

/** The notice (Thông báo) of an inspection as a document; readable by whoever may read the record. */
@Path("/inspections/{id}/notice")
@Tag(name = "Inspections")
public class NoticeResource {
    private static final MediaType DOCX = MediaType.valueOf(DocxRenderer.MEDIA_TYPE);
    private static final MediaType PDF = MediaType.valueOf(PdfRenderer.MEDIA_TYPE);

    private final NoticeService notices;
    private final CurrentCaller caller;

    public NoticeResource(NoticeService notices, CurrentCaller caller) {
        this.notices = notices;
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
        NoticeService.NoticeFile file = notices.render(caller.get(), id, wantsPdf(headers));
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"").build();
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
}
