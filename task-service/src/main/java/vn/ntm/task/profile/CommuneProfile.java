package vn.ntm.task.profile;

import vn.ntm.contracts.OrganisationRef;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One commune's page in one answer ({@code GET /communes/{code}/profile}): the unit the code means on {@code at}, its
 * lineage, the latest result of each criterion, the tier, the open work and the inspections. Labels are in the
 * request's language.
 */
public record CommuneProfile(LocalDate at, Commune commune, Lineage lineage, List<CriterionResult> criteria,
                             Tier tier, List<OpenTask> openWork, List<InspectionEntry> inspections) {
    public static final String SELF = "SELF";
    public static final String PREDECESSOR = "PREDECESSOR";

    /** The unit of the register the code means on {@code at}. */
    public record Commune(String code, String name, String type, String provinceCode, String districtCode,
                          LocalDate validFrom, LocalDate validTo) {
    }

    /** The units it succeeded (transitively) and those it went into. */
    public record Lineage(List<LineageUnit> predecessors, List<LineageUnit> successors) {
    }

    /**
     * A unit of the lineage: {@code effectiveOn} and {@code legalBasis} are those of the succession that links it
     * (a predecessor's into its successor; a successor's from the unit before it).
     */
    public record LineageUnit(String code, String name, LocalDate validFrom, LocalDate validTo,
                              LocalDate effectiveOn, String legalBasis) {
    }

    /** A criterion's latest assessed result and where it comes from ({@code communeCode}: the unit inspected). */
    public record CriterionResult(String criteriaSet, int number, String name, String result, String resultLabel,
                                  String note, UUID inspectionId, LocalDate inspectedOn, String communeCode) {
    }

    /** The tier reached (every criterion of the set met) and the one targeted by the latest inspection. */
    public record Tier(String reached, String reachedLabel, String targeted, String targetedLabel,
                       String criteriaSet, int met, int total) {
    }

    /** An open task of the lineage; {@code dueDate} is the effective one (after approved extensions). */
    public record OpenTask(UUID taskId, String title, Integer criterion, String status, String statusLabel,
                           String assigneeType, String assigneeCode, String assigneeName, LocalDate dueDate,
                           boolean overdue, String communeCode) {
    }

    /** A finalized inspection of the lineage as task-service holds it (its highest findings version). */
    public record InspectionEntry(UUID inspectionId, String title, LocalDate inspectedOn, OrganisationRef leadAgency,
                                  String communeCode, String communeName, String lineage, String criteriaSet,
                                  int met, int notMet, int notAssessed, int findingsVersion) {
    }
}
