package vn.ntm.inspection.inspections;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.contracts.OrganisationType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Request bodies of the inspection API; limits in {@link Limits} (README "Input limits"). */
public final class Requests {

    /** An organisation: {@code type} and {@code code} may be absent for one that has no code (free text). */
    public record OrgRefInput(OrganisationType type,
                              @Pattern(regexp = Limits.CODE, message = Limits.CODE_MESSAGE) String code,
                              @NotBlank @Size(max = Limits.NAME) String name) {
        public OrganisationRef toRef() {
            return new OrganisationRef(type == null ? null : type.name(), code, name);
        }
    }

    public record LegalBasisInput(@NotBlank @Size(max = 100) String number, @NotNull LocalDate issuedOn,
                                  @Size(max = Limits.NAME) String issuer, @Size(max = 2000) String title) {
        public LegalBasis toValue() {
            return new LegalBasis(number, issuedOn, issuer, title);
        }
    }

    /** A province or district by code; the name, when given, must be the register's (else it is taken from it). */
    public record AdminUnitInput(@NotBlank @Pattern(regexp = Limits.CODE, message = Limits.CODE_MESSAGE) String code,
                                 @Size(max = Limits.NAME) String name) {
    }

    public record CommuneInput(@NotBlank @Pattern(regexp = Limits.CODE, message = Limits.CODE_MESSAGE) String code,
                               @Size(max = Limits.NAME) String name,
                               @NotBlank @Pattern(regexp = Limits.CODE, message = Limits.CODE_MESSAGE)
                               String criteriaSet, @NotNull TargetTier targetTier,
                               @NotNull @Min(2000) @Max(2100) Integer targetYear,
                               @Min(0) @Max(100) Integer statedMet) {
    }

    public record CreateInspection(
            @NotBlank @Size(max = 1000) String title,
            @NotNull LocalDate inspectedOn,
            @NotNull @Valid OrgRefInput leadAgency,
            @Size(max = 100) List<@NotNull @Valid LegalBasisInput> legalBasis,
            @Size(max = 100) List<@NotNull @Valid OrgRefInput> participants,
            @NotNull @Valid AdminUnitInput province,
            @Valid AdminUnitInput district,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid CommuneInput> communes,
            @Size(max = Limits.LONG_TEXT) String assessment,
            @Size(max = 100) Map<String, BigDecimal> statedFigures,
            @Size(max = 100) Map<String, @Size(max = 2000) String> statedFigureBases,
            @Size(max = Limits.NOTICE_NUMBER) String number,
            @Size(max = Limits.PLACE) String place,
            @Valid SignerInput signer,
            @Size(max = Limits.RECIPIENTS) List<@NotBlank @Size(max = Limits.NAME) String> recipients) {

        public NoticeFields notice() {
            return new NoticeFields(number, place, signer == null ? null : new Signer(signer.title(), signer.name()),
                    recipients);
        }
    }

    /** The notice's signer: title (e.g. "GIÁM ĐỐC") and full name, each optional. */
    public record SignerInput(@Size(max = Limits.NAME) String title, @Size(max = Limits.NAME) String name) {
    }

    /**
     * One finding; checked in the service so each error names its item ({@code findings[3].criterion}):
     * note and remedy up to {@link Limits#TEXT}, responsible organisations as {@link OrgRefInput}.
     */
    public record FindingInput(Integer criterion, FindingResult result, String note, String remedy,
                               LocalDate deadline, List<OrgRefInput> responsible) {
    }

    /**
     * One commune of a correction: its findings in the shape of {@code PUT .../findings} (all criteria of its set,
     * as at finalize), and {@code statedMet} when the notice's figure is corrected too (null keeps it).
     */
    public record CorrectionCommuneInput(
            @NotBlank @Pattern(regexp = Limits.CODE, message = Limits.CODE_MESSAGE) String code,
            @Min(0) @Max(100) Integer statedMet,
            @NotNull List<FindingInput> findings) {
    }

    /**
     * A correction (đính chính) of a FINALIZED inspection: the communes whose findings change and the reason,
     * required (checked in the service, 422 naming {@code reason}).
     */
    public record CorrectionInput(@Size(max = Limits.LONG_TEXT) String reason,
                                  @NotEmpty @Size(max = 500) List<@NotNull @Valid CorrectionCommuneInput> communes) {
    }

    public record RecommendationInput(@NotNull @Valid OrgRefInput assignee,
                                      @Pattern(regexp = Limits.CODE, message = Limits.CODE_MESSAGE) String communeCode,
                                      @NotBlank @Size(max = Limits.LONG_TEXT) String content, LocalDate deadline) {
    }

    /**
     * A JSON merge patch (RFC 7396) of a DRAFT's notice fields: a field left out keeps its value, {@code null} clears
     * it, a value replaces it; {@code signer} is merged member by member, {@code recipients} replaced as a whole.
     * Checked like the create body ({@link NoticePatch}).
     */
    @Schema(name = "InspectionPatch")
    public record InspectionPatch(
            @Schema(implementation = String.class, nullable = true, maxLength = Limits.NOTICE_NUMBER,
                    description = "number and symbol, e.g. 245/TB-SNNMT") JsonNode number,
            @Schema(implementation = String.class, nullable = true, maxLength = Limits.PLACE,
                    description = "the place in the date line") JsonNode place,
            @Schema(implementation = SignerInput.class, nullable = true,
                    description = "merged member by member; null removes the signer") JsonNode signer,
            @Schema(type = SchemaType.ARRAY, implementation = String.class, nullable = true,
                    maxItems = Limits.RECIPIENTS, description = "\"Nơi nhận\", replaced as a whole") JsonNode recipients) {
    }

    private Requests() {
    }
}
