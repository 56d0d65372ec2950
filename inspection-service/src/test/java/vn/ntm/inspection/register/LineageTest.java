package vn.ntm.inspection.register;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The lineage rule on the seed's communes, without a database. */
class LineageTest {
    private static final LocalDate OLD = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_OLD_DAY = LocalDate.of(2025, 6, 30);
    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    private static final RegisterUnit GIA_LOC = new RegisterUnit("06475", "Xã Gia Lộc", "Xã", "commune", "187", "20",
            OLD, LAST_OLD_DAY);
    private static final RegisterUnit BANG_MAC = new RegisterUnit("06475", "Xã Bằng Mạc", "Xã", "commune", "20", "20",
            REFORM, null);
    private static final RegisterUnit THUONG_CUONG = new RegisterUnit("06490", "Xã Thượng Cường", "Xã", "commune",
            "187", "20", OLD, LAST_OLD_DAY);
    private static final Map<RegisterUnit, List<RegisterUnit>> PREDECESSORS = Map.of(
            BANG_MAC, List.of(GIA_LOC, THUONG_CUONG, GIA_LOC));

    @Test
    void aSuccessorsLineageHoldsItsPredecessorsOnceEachAndMatchesRowsByCodeAndDate() {
        Lineage lineage = Lineage.of(BANG_MAC, u -> PREDECESSORS.getOrDefault(u, List.of()));

        assertThat(lineage.members()).extracting(Lineage.Member::unit).containsExactly(BANG_MAC, GIA_LOC, THUONG_CUONG);
        assertThat(lineage.members()).extracting(Lineage.Member::self).containsExactly(true, false, false);
        assertThat(lineage.codes()).containsExactly("06475", "06490");
        assertThat(lineage.memberHolding("06475", LocalDate.of(2022, 7, 20))).map(m -> m.unit().name())
                .contains("Xã Gia Lộc");
        assertThat(lineage.memberHolding("06475", LocalDate.of(2026, 1, 5))).map(Lineage.Member::self).contains(true);
        assertThat(lineage.memberHolding("06490", LocalDate.of(2022, 7, 20))).isPresent();
        assertThat(lineage.memberHolding("06490", LocalDate.of(2026, 1, 5))).isEmpty();
    }

    @Test
    void aUnitWithoutPredecessorsIsItsOwnLineageAndAnotherUnitOfTheSameCodeIsNotInIt() {
        Lineage lineage = Lineage.of(GIA_LOC, u -> PREDECESSORS.getOrDefault(u, List.of()));

        assertThat(lineage.members()).extracting(Lineage.Member::unit).containsExactly(GIA_LOC);
        assertThat(lineage.memberHolding("06475", LocalDate.of(2026, 1, 5))).isEmpty();
        assertThat(Lineage.codeAlone("X1").memberHolding("X1", LocalDate.of(2001, 1, 1))).isPresent();
    }
}
