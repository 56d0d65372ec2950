package vn.ntm.inspection.history;

import vn.ntm.inspection.inspections.CommuneSummary;
import vn.ntm.inspection.inspections.SummaryChange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One finalized inspection of the commune, with its change against the one before it. */
public record CommuneHistoryEntry(UUID inspectionId, String title, LocalDate inspectedOn, Instant finalizedAt,
                                  String communeName, String criteriaSet, String targetTier, int targetYear,
                                  CommuneSummary summary, SummaryChange change) {
}
