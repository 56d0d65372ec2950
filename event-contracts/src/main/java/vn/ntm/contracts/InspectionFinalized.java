package vn.ntm.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Data of {@code ntm.inspection.finalized} on {@code inspection-events}, key = inspection id. A full snapshot:
 * consumers never call back to inspection-service. {@code statedFigures} (optional, additive) are the figures as
 * the notice states them, exact decimals by name (e.g. {@code averageCriteriaMetPerCommune} 10.11 for the district,
 * {@code changeVsPreviousSet} -4.45), which findings recorded per criterion may not reproduce.
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
        List<Recommendation> recommendations,
        Map<String, BigDecimal> statedFigures) {

    public static final int SCHEMA_VERSION = 1;

    /** An event without stated figures. */
    public InspectionFinalized(int schemaVersion, String inspectionId, String title, LocalDate inspectedOn,
                               Instant finalizedAt, OrganisationRef leadAgency, List<LegalBasis> legalBasis,
                               List<OrganisationRef> participants, AdminUnit province, AdminUnit district,
                               List<Commune> communes, List<Recommendation> recommendations) {
        this(schemaVersion, inspectionId, title, inspectedOn, finalizedAt, leadAgency, legalBasis, participants,
                province, district, communes, recommendations, null);
    }

    public record LegalBasis(String number, LocalDate issuedOn, String issuer, String title) {
    }

    /**
     * {@code statedMet} (optional): the number of criteria met the notice states for the commune, which may exceed
     * {@code summary.met} when the notice does not name every met criterion.
     */
    public record Commune(
            String code,
            String name,
            String criteriaSet,
            String targetTier,
            int targetYear,
            Summary summary,
            List<Finding> findings,
            Integer statedMet) {

        /** A commune whose number of met criteria the notice does not state apart from its findings. */
        public Commune(String code, String name, String criteriaSet, String targetTier, int targetYear,
                       Summary summary, List<Finding> findings) {
            this(code, name, criteriaSet, targetTier, targetYear, summary, findings, null);
        }

        /**
         * Criteria met as the notice states them: {@code statedMet} when given (a notice may state "10/19" without
         * naming them), else the findings' count.
         */
        public int metAsStated() {
            return statedMet != null ? statedMet : summary == null ? 0 : summary.met();
        }
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
