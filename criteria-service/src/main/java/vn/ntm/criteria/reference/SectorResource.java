package vn.ntm.criteria.reference;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.ntm.criteria.shared.Roles;
import vn.ntm.platform.http.Actors;
import vn.ntm.platform.http.ParamsDetail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

@Path("/sectors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reference lists")
public class SectorResource {
    private final ReferenceService references;
    private final SectorImportService imports;
    private final JsonWebToken token;

    public SectorResource(ReferenceService references, SectorImportService imports, JsonWebToken token) {
        this.references = references;
        this.imports = imports;
        this.token = token;
    }

    @GET
    @Operation(operationId = "listSectors", summary = "The responsible sectors (Sở/ngành) and their codes, with validity and successions")
    @PermitAll
    public List<ReferenceService.SectorView> sectors() {
        return references.sectors();
    }

    @POST
    @Path("/imports")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(operationId = "importSectors", summary = "Import a sector succession file (old_code,old_name,successor_code,successor_name,"
            + "effective_on,duties_moved,primary[,legal_basis]) or a criterion duty file (old_code,successor_code,"
            + "criteria_set,criterion,role); checked whole, idempotent; the changed list is announced")
    @RolesAllowed(Roles.ADMIN)
    @ParamsDetail("criteria.import.invalid")
    public SectorImportService.ImportSummary importFile(
            @QueryParam("version") @Parameter(description = "a name for this import, e.g. sector-succession-2025-03")
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}", message = "{criteria.import.version}") String version,
            @QueryParam("legalBasis") @Parameter(description = "legal basis of rows without their own") String legalBasis,
            byte[] body) throws CharacterCodingException {
        String csv = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body == null ? new byte[0] : body)).toString();
        return imports.importFile(csv, version, legalBasis, Actors.of(token));
    }
}
