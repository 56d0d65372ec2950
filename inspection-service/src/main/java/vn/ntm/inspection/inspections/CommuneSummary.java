package vn.ntm.inspection.inspections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Counts and criterion-number lists of one commune's findings against its set. {@code total} is the number of
 * criteria in the set; {@code missing} lists criteria with no finding yet (empty once the record is complete).
 */
public record CommuneSummary(int met, int notMet, int notAssessed, int total, List<Integer> metCriteria,
                             List<Integer> notMetCriteria, List<Integer> notAssessedCriteria,
                             List<Integer> missingCriteria) {

    public static CommuneSummary of(Map<Integer, FindingResult> results, List<Integer> setCriteria) {
        List<Integer> met = new ArrayList<>();
        List<Integer> notMet = new ArrayList<>();
        List<Integer> notAssessed = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int number : setCriteria.stream().sorted().toList()) {
            FindingResult result = results.get(number);
            if (result == null) {
                missing.add(number);
            } else {
                switch (result) {
                    case MET -> met.add(number);
                    case NOT_MET -> notMet.add(number);
                    case NOT_ASSESSED -> notAssessed.add(number);
                }
            }
        }
        return new CommuneSummary(met.size(), notMet.size(), notAssessed.size(), setCriteria.size(),
                List.copyOf(met), List.copyOf(notMet), List.copyOf(notAssessed), List.copyOf(missing));
    }
}
