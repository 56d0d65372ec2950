package vn.ntm.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Data of {@code ntm.inspection.finalized} on {@code inspection-events}, key = inspection id. A full snapshot:
 * consumers never call back to inspection-service.
 */
public record InspectionFinalized(
        int schemaVersion,
        String inspectionId,
        String title,
        LocalDate inspectedOn,
        Instant finalizedAt,
        OrganisationRef leadAgency,
        List<LegalBasis> legalBasis,
        List<OrganisationRef> participants,
        AdminUnit province,
        AdminUnit district,
        List<Commune> communes,
        List<Recommendation> recommendations) {

    public static final int SCHEMA_VERSION = 1;

    public record LegalBasis(String number, LocalDate issuedOn, String issuer, String title) {
    }

    public record Commune(
            String code,
            String name,
            String criteriaSet,
            String targetTier,
            int targetYear,
            Summary summary,
            List<Finding> findings) {
    }

    public record Summary(int met, int notMet, int notAssessed, int total) {
    }

    /**
     * One criterion's result. {@code sectors} are the catalog's sector codes for the criterion;
     * {@code responsible}, when not empty, overrides them with organisations named by the inspection.
     */
    public record Finding(
            int criterion,
            String criterionName,
            String result,
            String note,
            String remedy,
            LocalDate deadline,
            List<String> sectors,
            List<OrganisationRef> responsible) {
    }

    public record Recommendation(
            String id,
            OrganisationRef assignee,
            String communeCode,
            String content,
            LocalDate deadline) {
    }
}
