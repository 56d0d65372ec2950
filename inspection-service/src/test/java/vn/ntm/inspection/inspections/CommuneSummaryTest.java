package vn.ntm.inspection.inspections;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CommuneSummaryTest {
    private static final List<Integer> NINETEEN = IntStream.rangeClosed(1, 19).boxed().toList();

    @Test
    void countsEachResultAgainstTheWholeSet() {
        Map<Integer, FindingResult> results = new HashMap<>();
        NINETEEN.forEach(n -> results.put(n, FindingResult.NOT_ASSESSED));
        List.of(2, 5, 13, 17).forEach(n -> results.put(n, FindingResult.NOT_MET));
        results.put(1, FindingResult.MET);

        CommuneSummary summary = CommuneSummary.of(results, NINETEEN);

        assertThat(summary.met()).isEqualTo(1);
        assertThat(summary.notMet()).isEqualTo(4);
        assertThat(summary.notAssessed()).isEqualTo(14);
        assertThat(summary.total()).isEqualTo(19);
        assertThat(summary.notMetCriteria()).containsExactly(2, 5, 13, 17);
        assertThat(summary.missingCriteria()).isEmpty();
    }

    @Test
    void listsCriteriaWithoutAFindingAsMissing() {
        CommuneSummary summary = CommuneSummary.of(Map.of(1, FindingResult.MET), List.of(3, 1, 2));

        assertThat(summary.total()).isEqualTo(3);
        assertThat(summary.missingCriteria()).containsExactly(2, 3);
    }

    @Test
    void changeListsNewlyMetAndLostCriteria() {
        SummaryChange change = SummaryChange.between(UUID.randomUUID(), null,
                Map.of(1, FindingResult.MET, 2, FindingResult.MET, 3, FindingResult.MET, 4, FindingResult.NOT_MET),
                Map.of(1, FindingResult.MET, 2, FindingResult.NOT_MET, 3, FindingResult.MET, 4, FindingResult.MET));

        assertThat(change.newlyMet()).containsExactly(4);
        assertThat(change.lost()).containsExactly(2);
        assertThat(change.previousMet()).isEqualTo(3);
    }

    @Test
    void aFollowUpThatReChecksOnlyTheUnmetCriteriaLosesNone() {
        // Thượng Cường 2022: 13 met, 6 unmet; the follow-up assesses the 6 and finds 2 and 17 met now
        Map<Integer, FindingResult> first = new HashMap<>();
        Map<Integer, FindingResult> followUp = new HashMap<>();
        for (int n = 1; n <= 19; n++) {
            boolean unmet = List.of(2, 5, 6, 15, 17, 18).contains(n);
            first.put(n, unmet ? FindingResult.NOT_MET : FindingResult.MET);
            followUp.put(n, !unmet ? FindingResult.NOT_ASSESSED
                    : n == 2 || n == 17 ? FindingResult.MET : FindingResult.NOT_MET);
        }
        SummaryChange change = SummaryChange.between(UUID.randomUUID(), null, first, followUp);

        assertThat(change.lost()).isEmpty();
        assertThat(change.newlyMet()).containsExactly(2, 17);
        assertThat(change.previousMet()).isEqualTo(13);
    }

    @Test
    void averageMetPerCommuneHasTwoDecimals() {
        CommuneSummary a = new CommuneSummary(13, 6, 0, 19, List.of(), List.of(), List.of(), List.of());
        CommuneSummary b = new CommuneSummary(0, 4, 15, 19, List.of(), List.of(), List.of(), List.of());
        CommuneSummary c = new CommuneSummary(1, 0, 0, 19, List.of(), List.of(), List.of(), List.of());

        assertThat(Averages.metPerCommune(List.of(a, b))).isEqualTo(new BigDecimal("6.50"));
        assertThat(Averages.metPerCommune(List.of(a, b, c))).isEqualTo(new BigDecimal("4.67"));
        assertThat(Averages.metPerCommune(List.of())).isNull();
    }
}
