package vn.ntm.task.register;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AssigneeRules} on a small register: names, validity on the day, the province and its successors. */
class AssigneeRulesTest {
    private static final LocalDate OPEN = LocalDate.of(1900, 1, 1);
    private static final LocalDate JULY_2025 = LocalDate.of(2025, 7, 1);
    private static final LocalDate AUGUST_2025 = LocalDate.of(2025, 8, 1);

    /** Bến Tre (83) merged into Vĩnh Long (86), which Trà Vinh's (84) merger also joined, on 2025-07-01. */
    private static final AssigneeRules.Directory REGISTER = new AssigneeRules.Directory() {
        private final List<SuccessionRules.Unit> units = List.of(
                new SuccessionRules.Unit("province", "83", "Tỉnh Bến Tre", "83", OPEN, JULY_2025.minusDays(1)),
                new SuccessionRules.Unit("province", "86", "Tỉnh Vĩnh Long", "86", OPEN, null),
                new SuccessionRules.Unit("commune", "28804", "Xã Tân Thạch", "83", OPEN, JULY_2025.minusDays(1)),
                new SuccessionRules.Unit("commune", "28810", "Xã Phú Túc", "86", JULY_2025, null),
                new SuccessionRules.Unit("commune", "29000", "Phường Một", "84", OPEN, null));

        @Override
        public List<SuccessionRules.Unit> versions(String level, String code) {
            return units.stream().filter(u -> u.level().equals(level) && u.code().equals(code)).toList();
        }

        @Override
        public List<String> provinceSuccessors(String provinceCode, LocalDate day) {
            return provinceCode.equals("83") && !day.isBefore(JULY_2025) ? List.of("86") : List.of();
        }

        @Override
        public Map<String, SectorSuccessionRules.Sector> sectors() {
            return Map.of(
                    "NNMT", new SectorSuccessionRules.Sector("NNMT", "Nông nghiệp và Môi trường",
                            LocalDate.of(2025, 3, 1), null, null, List.of()),
                    "TNMT", new SectorSuccessionRules.Sector("TNMT", "Tài nguyên và Môi trường", null,
                            LocalDate.of(2025, 2, 28), null, List.of()));
        }
    };

    @Test
    void aTaskOfACeasedProvinceGoesToItsSuccessorsUnitsNamedAsTheRegisterNamesThem() {
        AssigneeRules.Decision commune = AssigneeRules.decide("UBND_XA", "28810", "83", AUGUST_2025, REGISTER);
        assertThat(commune.allowed()).isTrue();
        assertThat(commune.assignee().ref().name()).isEqualTo("UBND xã Phú Túc");
        assertThat(commune.assignee().provinceCode()).isEqualTo("86");
        AssigneeRules.Decision department = AssigneeRules.decide("SO_NGANH", "86:NNMT", "83", AUGUST_2025,
                REGISTER);
        assertThat(department.assignee().ref().name()).isEqualTo("Sở Nông nghiệp và Môi trường tỉnh Vĩnh Long");
        assertThat(AssigneeRules.decide("VP_DIEU_PHOI", "86", "86", AUGUST_2025, REGISTER).assignee().ref().name())
                .isEqualTo("Văn phòng Điều phối xây dựng nông thôn mới tỉnh Vĩnh Long");
        // the successor's task does not go back to the ceased province, nor to a third one
        assertThat(AssigneeRules.provinces("86", AUGUST_2025, REGISTER)).containsExactly("86");
        assertThat(AssigneeRules.decide("UBND_XA", "29000", "83", AUGUST_2025, REGISTER).refusal())
                .isEqualTo(AssigneeRules.Refusal.OTHER_PROVINCE);
    }

    @Test
    void refusesWhatTheRegisterDoesNotHoldOrNotOnTheDay() {
        assertThat(AssigneeRules.decide("UBND_XA", "99999", "83", AUGUST_2025, REGISTER).refusal())
                .isEqualTo(AssigneeRules.Refusal.UNKNOWN);
        assertThat(AssigneeRules.decide("UBND_XA", "28804", "83", AUGUST_2025, REGISTER).refusal())
                .isEqualTo(AssigneeRules.Refusal.NOT_VALID);
        // before the merger, Phú Túc does not exist yet, and Bến Tre has no successor
        assertThat(AssigneeRules.decide("UBND_XA", "28810", "83", LocalDate.of(2025, 6, 1), REGISTER).refusal())
                .isEqualTo(AssigneeRules.Refusal.NOT_VALID);
        assertThat(AssigneeRules.decide("SO_NGANH", "86:TNMT", "86", AUGUST_2025, REGISTER).refusal())
                .isEqualTo(AssigneeRules.Refusal.NOT_VALID);
        assertThat(AssigneeRules.decide("SO_NGANH", "86:XYZ", "86", AUGUST_2025, REGISTER).refusal())
                .isEqualTo(AssigneeRules.Refusal.UNKNOWN);
        assertThat(AssigneeRules.decide("SO_NGANH", "86", "86", AUGUST_2025, REGISTER).refusal())
                .isEqualTo(AssigneeRules.Refusal.UNKNOWN);
        assertThat(AssigneeRules.decide("TO_CHUC", "86", "86", AUGUST_2025, REGISTER).refusal())
                .isEqualTo(AssigneeRules.Refusal.UNKNOWN);
    }
}
