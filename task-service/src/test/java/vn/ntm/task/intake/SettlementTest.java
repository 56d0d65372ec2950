package vn.ntm.task.intake;

import org.junit.jupiter.api.Test;
import vn.ntm.task.rules.CriteriaMapping;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SettlementTest {
    private static final String NEW = "XA_NTM_2021_2025";
    private static final String OLD = "XA_NTM_2016_2020";
    private static final CriteriaMapping CATALOG = (set, criterion) ->
            set.equals(NEW) && criterion == 2 ? Set.of(OLD + "#2") : Set.of();

    @Test
    void aCriterionMatchesItselfAndWhatTheCatalogSaysItContinues() {
        assertThat(Settlement.matching(NEW, 2, CATALOG)).containsExactly(NEW + "#2", OLD + "#2");
    }

    @Test
    void criteriaOfAnotherSetMatchOnlyThroughTheMapping() {
        // "Hộ nghèo" (2016–2020 #11) is not "Nghèo đa chiều" (2021–2025 #11): the same number alone never matches
        assertThat(Settlement.matching(NEW, 11, CATALOG)).containsExactly(NEW + "#11");
        assertThat(Settlement.matching(NEW, 2, CriteriaMapping.NONE)).containsExactly(NEW + "#2");
    }

    @Test
    void aFindingWithoutAKnownSetMatchesNothing() {
        assertThat(Settlement.matching(null, 2, CATALOG)).isEmpty();
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

    @Test
    void aCycleInTheMappingEnds() {
        CriteriaMapping cycle = (set, criterion) -> Set.of((set.equals(NEW) ? OLD : NEW) + "#" + criterion);
        assertThat(Settlement.matching(NEW, 5, cycle)).containsExactly(NEW + "#5", OLD + "#5");
    }
}
