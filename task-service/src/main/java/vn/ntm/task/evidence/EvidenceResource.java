package vn.ntm.task.evidence;

import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.task.evidence.EvidenceService.EvidenceView;
import vn.ntm.task.shared.Caller;
import vn.ntm.task.shared.Callers;
import vn.ntm.task.shared.RequestSlots;

import java.util.List;

/** Evidence files of a task: upload (multipart, spooled to disk by Quarkus), list and download (streamed). */
@Path("/tasks/{id}/evidence")
@Tag(name = "Evidence", description = "Files a task's assignee reports as evidence of the work")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {
    private final EvidenceService evidence;
    private final Callers callers;
    private final DownloadSlots downloads;

    public EvidenceResource(EvidenceService evidence, Callers callers, DownloadSlots downloads) {
        this.evidence = evidence;
        this.callers = callers;
        this.downloads = downloads;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Caller.ADMIN, Caller.INSPECTOR, Caller.ORG})
    @Operation(operationId = "uploadEvidence",
            summary = "Attach one evidence file (part \"file\": PDF, image or office document, at most"
            + " ntm.tasks.evidence.max-size); its type is sniffed from its content, its SHA-256 recorded")
    @APIResponse(responseCode = "201", description = "The stored evidence; Location: its URL",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EvidenceView.class)))
    public Response upload(@PathParam("id") String id, @RestForm(FileUpload.ALL) List<FileUpload> parts,
                           @Context UriInfo uri) {
        List<FileUpload> files = parts == null ? List.of() : parts.stream().filter(p -> "file".equals(p.name()))
                .toList();
        if (files.size() != 1) {
            throw ServiceException.invalid(LocalizedText.of("task.evidence.oneFile"),
                    List.of(ServiceException.FieldError.of("file", files.isEmpty() ? "task.field.missing"
                            : "task.evidence.onlyOne"))).withCode(ProblemCode.ONE_FILE_REQUIRED);
        }
        FileUpload file = files.get(0);
        String name = PartFileName.of(file.getHeaders() == null ? null
                : file.getHeaders().getFirst("Content-Disposition"), file.fileName());
        EvidenceView stored = evidence.upload(id, new EvidenceService.Upload(name, file.uploadedFile(),
                file.size()), callers.current());
        return Response.created(uri.getAbsolutePathBuilder().path(stored.id().toString()).build())
                .entity(stored).build();
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.VIEWER, Caller.INSPECTOR, Caller.ORG})
    @Operation(operationId = "listEvidence", summary = "The task's evidence files, oldest first")
    public List<EvidenceView> list(@PathParam("id") String id) {
        return evidence.list(id, callers.current());
    }

    @DELETE
    @Path("/{evidenceId}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Caller.ADMIN, Caller.INSPECTOR, Caller.ORG})
    @Operation(operationId = "deleteEvidence",
            summary = "Delete an evidence file no report holds yet: by the task's assignee, or by whoever uploaded"
            + " it; an EVIDENCE_DELETED history entry records who; no event")
    @APIResponse(responseCode = "204", description = "Deleted, with its content")
    public Response deleteEvidence(@PathParam("id") String id, @PathParam("evidenceId") String evidenceId) {
        evidence.delete(id, evidenceId, callers.current());
        return Response.noContent().build();
    }

    @GET
    @Path("/{evidenceId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Caller.ADMIN, Caller.VIEWER, Caller.INSPECTOR, Caller.ORG})
    @Operation(operationId = "downloadEvidence",
            summary = "Download an evidence file, streamed, with its original name in Content-Disposition; at most"
            + " ntm.tasks.evidence.max-concurrent-downloads at once, beyond that 503 with Retry-After")
    @APIResponse(responseCode = "200", description = "The file, with its original name in Content-Disposition",
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("id") String id, @PathParam("evidenceId") String evidenceId,
                             @Context RoutingContext routing) {
        EvidenceService.Download file = evidence.describe(id, evidenceId, callers.current());
        RequestSlots.Lease slot = downloads.tryTake(routing);
        if (slot == null) {
            throw ServiceException.unavailable(LocalizedText.of("task.evidence.busy", downloads.size()))
                    .withCode(ProblemCode.DOWNLOADS_BUSY);
        }
        // the slot is given back when the transfer ends, or at once if the client left before it started
        slot.pause();
        StreamingOutput body = out -> {
            if (!slot.resume()) {
                return;
            }
            try {
                evidence.copy(file, out);
            } finally {
                slot.release();
            }
        };
        return Response.ok(body, file.view().contentType())
                .header("Content-Disposition", ContentDisposition.attachment(file.view().fileName()))
                .header("Content-Length", file.view().size())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Checksum-SHA256", file.view().sha256())
                .build();
    }
}
