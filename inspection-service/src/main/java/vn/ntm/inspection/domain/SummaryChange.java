package vn.ntm.inspection.domain;

import java.util.List;
import java.util.UUID;

/** How a commune's met criteria changed since its previous finalized inspection. */
public record SummaryChange(UUID previousInspectionId, java.time.LocalDate previousInspectedOn, int previousMet,
                            List<Integer> newlyMet, List<Integer> lost) {

    public static SummaryChange between(UUID previousInspectionId, java.time.LocalDate previousInspectedOn,
                                        List<Integer> previouslyMet, List<Integer> nowMet) {
        List<Integer> newlyMet = nowMet.stream().filter(n -> !previouslyMet.contains(n)).sorted().toList();
        List<Integer> lost = previouslyMet.stream().filter(n -> !nowMet.contains(n)).sorted().toList();
        return new SummaryChange(previousInspectionId, previousInspectedOn, previouslyMet.size(), newlyMet, lost);
    }
}
