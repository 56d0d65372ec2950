package vn.ntm.inspection.history;

import vn.ntm.inspection.inspections.CommuneSummary;
import vn.ntm.inspection.inspections.SummaryChange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One finalized inspection of the commune's lineage, with its change against the one before it. {@code communeCode}
 * and {@code registerDate} name the unit the inspection recorded (a code alone is ambiguous); {@code lineage} is
 * {@code SELF} for the commune asked for, {@code PREDECESSOR} for a unit it succeeded (Thượng Cường's 2022 inspection
 * in Bằng Mạc's history).
 */
public record CommuneHistoryEntry(UUID inspectionId, String title, LocalDate inspectedOn, Instant finalizedAt,
                                  String communeName, String criteriaSet, String targetTier, int targetYear,
                                  CommuneSummary summary, SummaryChange change, String communeCode,
                                  LocalDate registerDate, String lineage, String provinceCode) {
    public static final String SELF = "SELF";
    public static final String PREDECESSOR = "PREDECESSOR";
}
