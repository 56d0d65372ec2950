package vn.ntm.criteria.register;

import org.junit.jupiter.api.Test;
import vn.ntm.criteria.register.Validity.Plan;
import vn.ntm.criteria.register.Validity.Version;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValidityTest {
    private static final LocalDate JUNE_30 = LocalDate.of(2025, 6, 30);
    private static final LocalDate JULY_1 = LocalDate.of(2025, 7, 1);

    @Test
    void firstRegisterInsertsOneVersion() {
        Plan<String> plan = Validity.overlay(List.of(), "Xã Gia Lộc", Validity.EARLIEST, JUNE_30);

        assertThat(plan.inserts()).containsExactly(new Version<>(null, "Xã Gia Lộc", Validity.EARLIEST, JUNE_30));
        assertThat(plan.updates()).isEmpty();
        assertThat(plan.deletes()).isEmpty();
    }

    @Test
    void unitUnchangedAcrossTwoRegistersIsOneVersionSpanningBoth() {
        List<Version<String>> stored = List.of(new Version<>(1L, "Tỉnh Lạng Sơn", Validity.EARLIEST, JUNE_30));

        Plan<String> plan = Validity.overlay(stored, "Tỉnh Lạng Sơn", JULY_1, null);

        assertThat(plan.updates()).containsExactly(new Version<>(1L, "Tỉnh Lạng Sơn", Validity.EARLIEST, null));
        assertThat(plan.inserts()).isEmpty();
        assertThat(plan.deletes()).isEmpty();
    }

    @Test
    void reusedCodeGetsASecondVersion() {
        List<Version<String>> stored = List.of(new Version<>(1L, "Xã Gia Lộc", Validity.EARLIEST, JUNE_30));

        Plan<String> plan = Validity.overlay(stored, "Xã Bằng Mạc", JULY_1, null);

        assertThat(plan.inserts()).containsExactly(new Version<>(null, "Xã Bằng Mạc", JULY_1, null));
        assertThat(plan.updates()).isEmpty();
        assertThat(plan.deletes()).isEmpty();
    }

    @Test
    void sameRegisterTwiceChangesNothing() {
        List<Version<String>> stored = List.of(new Version<>(1L, "Xã Gia Lộc", Validity.EARLIEST, JUNE_30),
                new Version<>(2L, "Xã Bằng Mạc", JULY_1, null));

        assertThat(Validity.overlay(stored, "Xã Bằng Mạc", JULY_1, null).isEmpty()).isTrue();
        assertThat(Validity.overlay(stored, "Xã Gia Lộc", Validity.EARLIEST, JUNE_30).isEmpty()).isTrue();
    }

    @Test
    void codeMissingFromALaterRegisterIsClosedTheDayBefore() {
        List<Version<String>> stored = List.of(new Version<>(7L, "Xã Thượng Cường", Validity.EARLIEST, null));

        Plan<String> plan = Validity.overlay(stored, null, JULY_1, null);

        assertThat(plan.updates()).containsExactly(new Version<>(7L, "Xã Thượng Cường", Validity.EARLIEST, JUNE_30));
        assertThat(plan.inserts()).isEmpty();
    }

    @Test
    void changeForABoundedPeriodSplitsTheOpenVersion() {
        List<Version<String>> stored = List.of(new Version<>(2L, "Xã Bằng Mạc", JULY_1, null));
        LocalDate from = LocalDate.of(2091, 1, 1);
        LocalDate to = LocalDate.of(2091, 12, 31);

        Plan<String> plan = Validity.overlay(stored, "Xã Bằng Mạc Mới", from, to);

        assertThat(plan.updates()).containsExactly(new Version<>(2L, "Xã Bằng Mạc", JULY_1, from.minusDays(1)));
        assertThat(plan.inserts()).containsExactlyInAnyOrder(new Version<>(null, "Xã Bằng Mạc Mới", from, to),
                new Version<>(null, "Xã Bằng Mạc", to.plusDays(1), null));
    }

    @Test
    void olderRegisterImportedAfterTheNewerOneJoinsBackwards() {
        List<Version<String>> stored = List.of(new Version<>(3L, "Tỉnh Lạng Sơn", JULY_1, null));

        Plan<String> plan = Validity.overlay(stored, "Tỉnh Lạng Sơn", Validity.EARLIEST, JUNE_30);

        assertThat(plan.updates()).containsExactly(new Version<>(3L, "Tỉnh Lạng Sơn", Validity.EARLIEST, null));
        assertThat(plan.inserts()).isEmpty();
    }

    @Test
    void renameOverTheWholeValidityUpdatesInPlace() {
        List<Version<String>> stored = List.of(new Version<>(4L, "Xã Đắk Pék", Validity.EARLIEST, JUNE_30));

        Plan<String> plan = Validity.overlay(stored, "Xã Đăk Pék", Validity.EARLIEST, JUNE_30);

        assertThat(plan.updates()).containsExactly(new Version<>(4L, "Xã Đăk Pék", Validity.EARLIEST, JUNE_30));
        assertThat(plan.inserts()).isEmpty();
        assertThat(plan.deletes()).isEmpty();
    }

    @Test
    void versionInsideTheReplacedPeriodIsDeleted() {
        LocalDate from = LocalDate.of(2030, 1, 1);
        List<Version<String>> stored = List.of(new Version<>(5L, "A", Validity.EARLIEST, from.minusDays(1)),
                new Version<>(6L, "B", from.plusDays(10), from.plusDays(20)));

        Plan<String> plan = Validity.overlay(stored, null, from, null);

        assertThat(plan.deletes()).extracting(Version::id).containsExactly(6L);
        assertThat(plan.updates()).isEmpty();
    }
}
