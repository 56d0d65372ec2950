package vn.ntm.inspection.history;

import java.util.List;

/** A commune's finalized inspections, oldest first ({@code GET /communes/{code}/history}). */
public record CommuneHistory(String communeCode, List<CommuneHistoryEntry> inspections) {
}
