package vn.ntm.inspection.inspections;

import vn.ntm.contracts.AdminUnit;
import vn.ntm.contracts.OrganisationRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response bodies of the inspection API. */
public final class Views {

    /** {@code number}, {@code place}, {@code signer}, {@code recipients}: the notice's fields, null (recipients
     * empty) when not given. {@code registerDate} (and the same field of communes, findings and recommendations): the date of the
     * administrative-unit register the unit codes refer to, the inspection's {@code inspectedOn}. */
    public record InspectionView(UUID id, String status, String title, LocalDate inspectedOn,
                                 LocalDate registerDate, OrganisationRef leadAgency, List<LegalBasis> legalBasis,
                                 List<OrganisationRef> participants, AdminUnit province, AdminUnit district,
                                 String assessment, Map<String, BigDecimal> statedFigures,
                                 List<CommuneView> communes, InspectionSummary summary,
                                 List<RecommendationView> recommendations, Instant createdAt,
                                 Instant finalizedAt, long version, String recordedBy, String finalizedBy,
                                 int findingsVersion, int latestFindingsVersion,
                                 Map<String, String> statedFigureBases, String number, String place,
                                 Signer signer, List<String> recipients) {
    }

    /** {@code change} is null when the commune has no earlier finalized inspection. */
    public record CommuneView(String code, String name, LocalDate registerDate, String criteriaSet, String targetTier, int targetYear,
                              Integer statedMet, CommuneSummary summary, SummaryChange change,
                              List<FindingView> findings) {
    }

    public record FindingView(int criterion, String criterionName, String result, String note, String remedy,
                              LocalDate deadline, List<String> sectors, List<OrganisationRef> responsible,
                              LocalDate registerDate) {
    }

    /**
     * {@code averageMetPerCommune}: computed over the inspected communes' findings ({@code averageMetPerCommuneBasis}
     * {@value Averages#INSPECTED_COMMUNES}); {@code statedAverageMetPerCommune}: the figure the notice states
     * ({@code statedFigures.averageCriteriaMetPerCommune}, e.g. 10.11 for the whole district) exactly as stated, with
     * its basis as recorded ({@code statedFigureBases}); null when the notice states none.
     */
    public record InspectionSummary(int communes, BigDecimal averageMetPerCommune, String averageMetPerCommuneBasis,
                                    BigDecimal statedAverageMetPerCommune, String statedAverageMetPerCommuneBasis) {
    }

    /** One correction (đính chính): the findings version it made, why, who (token subject), when, which communes. */
    public record CorrectionView(int version, String reason, String correctedBy, Instant correctedAt,
                                 List<String> communes) {
    }

    public record RecommendationView(UUID id, OrganisationRef assignee, String communeCode, LocalDate registerDate,
                                     String content,
                                     LocalDate deadline) {
    }

    public record CommuneRef(String code, String name) {
    }

    public record InspectionListItem(UUID id, String status, String title, LocalDate inspectedOn,
                                     AdminUnit province, AdminUnit district, List<CommuneRef> communes,
                                     Instant finalizedAt) {
    }

    /**
     * A page of a list, in the envelope of every paged list: {@code total} is exact ({@code totalExact} always true
     * here); {@code next} is the opaque value to send as {@code after} for the following page, null on the last.
     */
    public record Page<T>(List<T> items, long total, int page, int size, boolean totalExact, String next) {
    }

    private Views() {
    }
}
