package vn.ntm.task.dashboard;

import org.junit.jupiter.api.Test;
import vn.ntm.task.intake.Lineages;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineageRangesTest {
    private static final LocalDate MERGER = LocalDate.of(2025, 7, 1);
    // Xã Tân Tiến (06019) took in Xã Tân Yên (06022) and Xã Kim Đồng (06031), keeping its code
    private static final List<Lineages.Edge> EDGES = List.of(new Lineages.Edge("06019", "06019", MERGER),
            new Lineages.Edge("06022", "06019", MERGER), new Lineages.Edge("06031", "06019", MERGER));

    @Test
    void aMergedCommuneCountsItsOwnCodeFromTheMergerAndEachPredecessorBeforeIt() {
        assertThat(LineageRanges.of(List.of("06019"), LocalDate.of(2025, 9, 1), EDGES)).containsExactlyInAnyOrder(
                new LineageRanges.Member("06019", "06019", MERGER, null),
                new LineageRanges.Member("06019", "06019", null, MERGER),
                new LineageRanges.Member("06019", "06022", null, null),
                new LineageRanges.Member("06019", "06031", null, null));
    }

    @Test
    void beforeTheMergerEachCommuneIsItselfUntilItsCodeIsReused() {
        assertThat(LineageRanges.of(List.of("06019", "06022"), LocalDate.of(2024, 12, 31), EDGES))
                .containsExactly(new LineageRanges.Member("06019", "06019", null, MERGER),
                        new LineageRanges.Member("06022", "06022", null, null));
    }

    @Test
    void withoutARegisterCopyEveryCodeIsItsOwnLineage() {
        assertThat(LineageRanges.of(List.of("70001"), LocalDate.of(2025, 1, 1), List.of()))
                .containsExactly(new LineageRanges.Member("70001", "70001", null, null));
    }
}
