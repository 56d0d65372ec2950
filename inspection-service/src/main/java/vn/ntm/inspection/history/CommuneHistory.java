package vn.ntm.inspection.history;

import java.time.LocalDate;
import java.util.List;

/**
 * A commune's finalized inspections, oldest first ({@code GET /communes/{code}/history}): those of the unit
 * {@code communeCode} means on {@code asOf} (its latest version when not asked) and of the units it succeeded;
 * {@code communeName} is that unit's name in the register (null for a code the register does not know).
 */
public record CommuneHistory(String communeCode, List<CommuneHistoryEntry> inspections, LocalDate asOf,
                             String communeName, LocalDate validFrom, LocalDate validTo) {
}
