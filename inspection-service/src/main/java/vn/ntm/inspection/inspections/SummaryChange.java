package vn.ntm.inspection.inspections;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How a commune's met criteria changed since its previous finalized inspection under the same criteria set. Only
 * criteria assessed both times are compared: a follow-up that re-checks only the unmet criteria (the others
 * {@code NOT_ASSESSED}) loses nothing it did not look at.
 */
public record SummaryChange(UUID previousInspectionId, LocalDate previousInspectedOn, int previousMet,
                            List<Integer> newlyMet, List<Integer> lost) {

    /** {@code previous} and {@code now}: each criterion's result in the two inspections (same set). */
    public static SummaryChange between(UUID previousInspectionId, LocalDate previousInspectedOn,
                                        Map<Integer, FindingResult> previous, Map<Integer, FindingResult> now) {
        List<Integer> newlyMet = now.entrySet().stream()
                .filter(e -> e.getValue() == FindingResult.MET && previous.get(e.getKey()) == FindingResult.NOT_MET)
                .map(Map.Entry::getKey).sorted().toList();
        List<Integer> lost = previous.entrySet().stream()
                .filter(e -> e.getValue() == FindingResult.MET && now.get(e.getKey()) == FindingResult.NOT_MET)
                .map(Map.Entry::getKey).sorted().toList();
        int previousMet = (int) previous.values().stream().filter(r -> r == FindingResult.MET).count();
        return new SummaryChange(previousInspectionId, previousInspectedOn, previousMet, newlyMet, lost);
    }
}
