package vn.ntm.task.profile;

import org.junit.jupiter.api.Test;
import vn.ntm.task.profile.LatestResults.Finding;
import vn.ntm.task.profile.LatestResults.Latest;
import vn.ntm.task.profile.LatestResults.Visit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule of a criterion's latest result across a commune lineage's inspections (README "Commune profile"). */
class LatestResultsTest {
    private static final String SET = "XA_NTM_2021_2025";
    private static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID FOLLOW_UP = UUID.fromString("00000000-0000-0000-0000-000000000002");

    private static Visit visit(UUID id, String day, String commune, String set, Map<Integer, String> results) {
        Map<Integer, Finding> findings = new java.util.HashMap<>();
        results.forEach((criterion, result) -> findings.put(criterion, new Finding(result, "ghi chú " + criterion)));
        return new Visit(id, LocalDate.parse(day), commune, set, findings);
    }

    private static Latest of(List<Latest> results, int criterion) {
        return results.stream().filter(l -> l.criterion() == criterion).findFirst().orElseThrow();
    }

    @Test
    void aFollowUpThatRechecksOnlyTheUnmetCriteriaKeepsTheEarlierResultsOfTheOthers() {
        Visit first = visit(FIRST, "2022-07-20", "06490", SET, Map.of(1, "MET", 2, "NOT_MET", 17, "NOT_MET"));
        Visit followUp = visit(FOLLOW_UP, "2025-09-01", "06475", SET,
                Map.of(1, "NOT_ASSESSED", 2, "NOT_MET", 17, "MET"));

        List<Latest> results = LatestResults.of(List.of(followUp, first), List.of(1, 2, 17));

        assertThat(of(results, 1)).isEqualTo(new Latest(1, "MET", "ghi chú 1", FIRST, LocalDate.of(2022, 7, 20),
                "06490"));
        assertThat(of(results, 2)).extracting(Latest::result, Latest::inspectionId).containsExactly("NOT_MET",
                FOLLOW_UP);
        assertThat(of(results, 17)).extracting(Latest::result, Latest::communeCode).containsExactly("MET", "06475");
    }

    @Test
    void aCriterionNoVisitAssessedIsNotAssessedWithoutAnInspection() {
        Visit only = visit(FIRST, "2022-07-20", "06490", SET, Map.of(1, "NOT_ASSESSED"));

        assertThat(LatestResults.of(List.of(only), List.of(1, 19))).containsExactly(
                new Latest(1, "NOT_ASSESSED", null, null, null, null),
                new Latest(19, "NOT_ASSESSED", null, null, null, null));
        assertThat(LatestResults.of(List.of(), List.of(3))).containsExactly(
                new Latest(3, "NOT_ASSESSED", null, null, null, null));
    }

    @Test
    void criteriaOfAnotherSetAreOtherCriteriaAndAreNotUsed() {
        Visit old = visit(FIRST, "2019-05-01", "06490", "XA_NTM_2016_2020", Map.of(11, "MET"));
        Visit current = visit(FOLLOW_UP, "2022-07-20", "06490", SET, Map.of(1, "MET"));

        List<Latest> results = LatestResults.of(List.of(old, current), List.of(1, 11));

        assertThat(of(results, 11).result()).isEqualTo("NOT_ASSESSED");
        assertThat(of(results, 1).result()).isEqualTo("MET");
    }

    @Test
    void theLatestVisitsSetDecidesTheCriteriaWhenTheCatalogDoesNotKnowIt() {
        Visit current = visit(FIRST, "2022-07-20", "06490", SET, Map.of(5, "MET", 2, "NOT_MET"));

        assertThat(LatestResults.of(List.of(current), List.of())).extracting(Latest::criterion)
                .containsExactly(2, 5);
    }

    @Test
    void twoVisitsOnOneDayThatDisagreeLeaveTheCriterionNotMet() {
        UUID low = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        UUID high = UUID.fromString("00000000-0000-0000-0000-00000000000b");
        for (List<String> results : List.of(List.of("MET", "NOT_MET"), List.of("NOT_MET", "MET"))) {
            Visit a = visit(low, "2024-05-10", "06490", SET, Map.of(2, results.get(0)));
            Visit b = visit(high, "2024-05-10", "06490", SET, Map.of(2, results.get(1)));

            assertThat(of(LatestResults.of(List.of(a, b), List.of(2)), 2).result()).isEqualTo("NOT_MET");
        }
    }

    @Test
    void aLaterMetResultSettlesAnEarlierGap() {
        Visit gap = visit(FIRST, "2022-07-20", "06490", SET, Map.of(2, "NOT_MET"));
        Visit met = visit(FOLLOW_UP, "2023-03-01", "06490", SET, Map.of(2, "MET"));

        assertThat(of(LatestResults.of(List.of(met, gap), List.of(2)), 2).result()).isEqualTo("MET");
    }
}
