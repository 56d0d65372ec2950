package vn.ntm.task.intake;

import org.junit.jupiter.api.Test;
import vn.ntm.task.rules.CriteriaMapping;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SettlementTest {
    private static final String NEW = "XA_NTM_2021_2025";
    private static final String OLD = "XA_NTM_2016_2020";
    private static final CriteriaMapping CATALOG = (set, criterion) ->
            set.equals(NEW) && criterion == 2 ? Set.of(OLD + "#2") : Set.of();

    private static Settlement.OpenTask open(String commune, String set, int criterion, String rule) {
        return new Settlement.OpenTask(UUID.randomUUID(), commune, set, criterion, rule);
    }

    private static Settlement.Finding finding(String commune, int criterion, String result) {
        return new Settlement.Finding(commune, NEW, criterion, "Tiêu chí " + criterion, result, null);
    }

    @Test
    void aMetCriterionSettlesEveryOpenTaskOfTheCommuneAndCriterion() {
        var commune = open("06490", NEW, 17, "NOT_MET_COMMUNE");
        var lead = open("06490", NEW, 17, "NOT_MET_SECTOR");
        var district = open("06490", NEW, 17, "NOT_MET_DISTRICT");
        var otherCriterion = open("06490", NEW, 2, "NOT_MET_COMMUNE");
        var otherCommune = open("06523", NEW, 17, "NOT_MET_COMMUNE");
        Settlement.Plan plan = Settlement.plan(List.of(finding("06490", 17, "MET")),
                List.of(commune, lead, district, otherCriterion, otherCommune), Map.of(), CriteriaMapping.NONE);
        assertThat(plan.settled()).extracting(Settlement.Settle::task).containsExactly(commune, lead, district);
        assertThat(plan.linked()).isEmpty();
        assertThat(plan.suppressed()).isEmpty();
    }

    @Test
    void anUnmetCriterionContinuesTheOpenTasksAndSuppressesTheirDuplicates() {
        var commune = open("06490", NEW, 2, "NOT_MET_COMMUNE");
        var sector = open("06490", NEW, 2, "NOT_MET_SECTOR");
        Settlement.Finding f = new Settlement.Finding("06490", NEW, 2, "Giao thông", "NOT_MET",
                LocalDate.of(2023, 6, 30));
        Settlement.Plan plan = Settlement.plan(List.of(f), List.of(commune, sector), Map.of(),
                CriteriaMapping.NONE);
        assertThat(plan.settled()).isEmpty();
        assertThat(plan.linked()).extracting(Settlement.Link::task).containsExactly(commune, sector);
        assertThat(plan.suppressed()).containsExactlyInAnyOrder("06490|2|NOT_MET_COMMUNE", "06490|2|NOT_MET_SECTOR");
    }

    @Test
    void notAssessedLeavesTheWorkAsItIs() {
        Settlement.Plan plan = Settlement.plan(List.of(finding("06490", 5, "NOT_ASSESSED")),
                List.of(open("06490", NEW, 5, "NOT_MET_COMMUNE")), Map.of(), CriteriaMapping.NONE);
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.suppressed()).isEmpty();
    }

    @Test
    void criteriaOfAnotherSetMatchOnlyThroughTheMapping() {
        var transport = open("06490", OLD, 2, "NOT_MET_COMMUNE");
        var poorHouseholds = open("06490", OLD, 11, "NOT_MET_COMMUNE"); // "Hộ nghèo" is not "Nghèo đa chiều"
        Settlement.Plan plan = Settlement.plan(List.of(finding("06490", 2, "MET"), finding("06490", 11, "MET")),
                List.of(transport, poorHouseholds), Map.of(), CATALOG);
        assertThat(plan.settled()).extracting(Settlement.Settle::task).containsExactly(transport);
        assertThat(Settlement.plan(List.of(finding("06490", 2, "MET")), List.of(transport), Map.of(),
                CriteriaMapping.NONE).isEmpty()).isTrue();
    }

    @Test
    void aTaskWithoutAKnownSetIsNeverSettled() {
        Settlement.Plan plan = Settlement.plan(List.of(finding("06490", 2, "MET")),
                List.of(open("06490", null, 2, "NOT_MET_COMMUNE")), Map.of(), CATALOG);
        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void theSuccessorCommuneSettlesTheWorkOfTheCommunesItTookOver() {
        var predecessor = open("06490", NEW, 17, "NOT_MET_COMMUNE");
        Settlement.Plan plan = Settlement.plan(List.of(finding("06475", 17, "MET")), List.of(predecessor),
                Map.of("06475", Set.of("06475", "06490")), CriteriaMapping.NONE);
        assertThat(plan.settled()).extracting(Settlement.Settle::task).containsExactly(predecessor);
    }

    @Test
    void theMappingIsFollowedTransitively() {
        CriteriaMapping chain = (set, criterion) -> switch (set) {
            case "XA_NTM_2026_2030" -> Set.of(NEW + "#" + criterion);
            case NEW -> Set.of(OLD + "#" + criterion);
            default -> Set.of();
        };
        assertThat(Settlement.matching("XA_NTM_2026_2030", 2, chain))
                .containsExactly("XA_NTM_2026_2030#2", NEW + "#2", OLD + "#2");
    }
}
