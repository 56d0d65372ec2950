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
 * <p>
 * Schema version 2 (current) adds {@code registerDate} next to the unit codes: the date of the administrative-unit
 * register every code refers to (the inspection's {@code inspectedOn}), because a code alone is ambiguous (06475 was
 * Xã Gia Lộc until 2025-06-30 and is Xã Bằng Mạc since). Version 1 events have no {@code registerDate}: read them
 * as {@link #unitsAsOf()}, which falls back to {@code inspectedOn}.
 */
public record InspectionFinalized(
        int schemaVersion,
        String inspectionId,
        String title,
        LocalDate inspectedOn,
        LocalDate registerDate,
        Instant finalizedAt,
        OrganisationRef leadAgency,
        List<LegalBasis> legalBasis,
        List<OrganisationRef> participants,
        AdminUnit province,
        AdminUnit district,
        List<Commune> communes,
        List<Recommendation> recommendations,
        Map<String, BigDecimal> statedFigures) {

    /** The version producers write. */
    public static final int SCHEMA_VERSION = 2;
    /** The oldest version consumers still read (events of it may remain on the topic). */
    public static final int OLDEST_READABLE_SCHEMA_VERSION = 1;

    /** A version 1 event without stated figures (no register dates). */
    public InspectionFinalized(int schemaVersion, String inspectionId, String title, LocalDate inspectedOn,
                               Instant finalizedAt, OrganisationRef leadAgency, List<LegalBasis> legalBasis,
                               List<OrganisationRef> participants, AdminUnit province, AdminUnit district,
                               List<Commune> communes, List<Recommendation> recommendations) {
        this(schemaVersion, inspectionId, title, inspectedOn, null, finalizedAt, leadAgency, legalBasis,
                participants, province, district, communes, recommendations, null);
    }

    /** A version 1 event with stated figures (no register dates). */
    public InspectionFinalized(int schemaVersion, String inspectionId, String title, LocalDate inspectedOn,
                               Instant finalizedAt, OrganisationRef leadAgency, List<LegalBasis> legalBasis,
                               List<OrganisationRef> participants, AdminUnit province, AdminUnit district,
                               List<Commune> communes, List<Recommendation> recommendations,
                               Map<String, BigDecimal> statedFigures) {
        this(schemaVersion, inspectionId, title, inspectedOn, null, finalizedAt, leadAgency, legalBasis,
                participants, province, district, communes, recommendations, statedFigures);
    }

    public static boolean readable(int schemaVersion) {
        return schemaVersion >= OLDEST_READABLE_SCHEMA_VERSION && schemaVersion <= SCHEMA_VERSION;
    }

    /** The register date of the event's unit codes: {@code registerDate}, or {@code inspectedOn} in version 1. */
    public LocalDate unitsAsOf() {
        return registerDate != null ? registerDate : inspectedOn;
    }

    public record LegalBasis(String number, LocalDate issuedOn, String issuer, String title) {
    }

    /**
     * {@code registerDate}: the register date of {@code code} and of the organisations its findings name.
     * {@code statedMet} (optional): the number of criteria met the notice states for the commune, which may exceed
     * {@code summary.met} when the notice does not name every met criterion.
     */
    public record Commune(
            String code,
            String name,
            LocalDate registerDate,
            String criteriaSet,
            String targetTier,
            int targetYear,
            Summary summary,
            List<Finding> findings,
            Integer statedMet) {

        /** A version 1 commune whose number of met criteria the notice does not state apart from its findings. */
        public Commune(String code, String name, String criteriaSet, String targetTier, int targetYear,
                       Summary summary, List<Finding> findings) {
            this(code, name, null, criteriaSet, targetTier, targetYear, summary, findings, null);
        }

        /** A version 1 commune with a stated number of met criteria (no register date). */
        public Commune(String code, String name, String criteriaSet, String targetTier, int targetYear,
                       Summary summary, List<Finding> findings, Integer statedMet) {
            this(code, name, null, criteriaSet, targetTier, targetYear, summary, findings, statedMet);
        }
    }

    public record Summary(int met, int notMet, int notAssessed, int total) {
    }

    /**
     * One criterion's result. {@code sectors} are the catalog's sector codes for the criterion;
     * {@code responsible}, when not empty, overrides them with organisations named by the inspection, whose codes
     * refer to the register of {@code registerDate}.
     */
    public record Finding(
            int criterion,
            String criterionName,
            String result,
            String note,
            String remedy,
            LocalDate deadline,
            List<String> sectors,
            List<OrganisationRef> responsible,
            LocalDate registerDate) {

        /** A version 1 finding (no register date). */
        public Finding(int criterion, String criterionName, String result, String note, String remedy,
                       LocalDate deadline, List<String> sectors, List<OrganisationRef> responsible) {
            this(criterion, criterionName, result, note, remedy, deadline, sectors, responsible, null);
        }
    }

    /** {@code registerDate}: the register date of the assignee's code and of {@code communeCode}. */
    public record Recommendation(
            String id,
            OrganisationRef assignee,
            String communeCode,
            LocalDate registerDate,
            String content,
            LocalDate deadline) {

        /** A version 1 recommendation (no register date). */
        public Recommendation(String id, OrganisationRef assignee, String communeCode, String content,
                              LocalDate deadline) {
            this(id, assignee, communeCode, null, content, deadline);
        }
    }
}
