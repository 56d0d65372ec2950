package vn.ntm.task.register;

import org.junit.jupiter.api.Test;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.task.register.SuccessionRules.Move;
import vn.ntm.task.register.SuccessionRules.Successor;
import vn.ntm.task.register.SuccessionRules.Unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a task goes when its unit ceases, on rows of the real 2025 registers. */
class SuccessionRulesTest {
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 6, 30);
    private static final LocalDate EFFECTIVE = LocalDate.of(2025, 7, 1);
    private static final LocalDate FOREVER = LocalDate.of(1900, 1, 1);
    private static final String NQ = "Nghị quyết 1672/NQ-UBTVQH15";

    private final List<Unit> units = new ArrayList<>(List.of(
            new Unit("province", "20", "Tỉnh Lạng Sơn", "20", FOREVER, null),
            new Unit("province", "83", "Tỉnh Bến Tre", "83", FOREVER, LAST_DAY),
            new Unit("province", "86", "Tỉnh Vĩnh Long", "86", FOREVER, null),
            new Unit("district", "187", "Huyện Chi Lăng", "20", FOREVER, LAST_DAY),
            new Unit("district", "829", "Huyện Châu Thành", "83", FOREVER, LAST_DAY),
            new Unit("commune", "06475", "Xã Gia Lộc", "20", FOREVER, LAST_DAY),
            new Unit("commune", "06490", "Xã Thượng Cường", "20", FOREVER, LAST_DAY),
            new Unit("commune", "06475", "Xã Bằng Mạc", "20", EFFECTIVE, null),
            new Unit("commune", "06622", "Xã Bính Xá", "20", FOREVER, LAST_DAY),
            new Unit("commune", "06625", "Xã Kiên Mộc", "20", FOREVER, LAST_DAY),
            new Unit("commune", "06613", "Xã Đình Lập", "20", EFFECTIVE, null),
            new Unit("commune", "06625", "Xã Kiên Mộc", "20", EFFECTIVE, null),
            new Unit("commune", "06637", "Xã Châu Sơn", "20", EFFECTIVE, null)));
    private final List<String[]> successions = new ArrayList<>(List.of(
            new String[]{"06475", "06475"}, new String[]{"06490", "06475"},
            new String[]{"06622", "06613"}, new String[]{"06622", "06625"},
            new String[]{"06625", "06625"}, new String[]{"06625", "06637"},
            new String[]{"83", "86"}, new String[]{"20", "20"}));

    private final SuccessionRules.Register register = new SuccessionRules.Register() {
        @Override
        public Optional<Unit> validOn(String level, String code, LocalDate day) {
            return units.stream().filter(u -> u.level().equals(level) && u.code().equals(code)
                    && !u.validFrom().isAfter(day) && (u.validTo() == null || !u.validTo().isBefore(day))).findFirst();
        }

        @Override
        public List<Successor> successors(String fromCode, LocalDate effectiveOn) {
            return successions.stream().filter(s -> s[0].equals(fromCode) && effectiveOn.equals(EFFECTIVE))
                    .map(s -> new Successor(s[1], NQ)).toList();
        }
    };

    private Move plan(String type, String code, String name, String unitLevel, String unitCode) {
        Unit ceased = register.validOn(unitLevel, unitCode, LAST_DAY).orElseThrow();
        return SuccessionRules.plan(new OrganisationRef(type, code, name), ceased, register).orElseThrow();
    }

    @Test
    void communeMovesToTheCommuneItMergedInto() {
        Move move = plan("UBND_XA", "06490", "UBND xã Thượng Cường", "commune", "06490");
        assertThat(move.to()).isEqualTo(new OrganisationRef("UBND_XA", "06475", "UBND xã Bằng Mạc"));
        assertThat(move.rule()).isEqualTo(SuccessionRules.SUCCESSOR);
        assertThat(move.needsReassignment()).isFalse();
        assertThat(move.legalBasis()).isEqualTo(NQ);
        assertThat(move.provinceCode()).isEqualTo("20");
    }

    @Test
    void aCodeKeptByAnotherUnitIsAMove() {
        Move move = plan("UBND_XA", "06475", "UBND xã Gia Lộc", "commune", "06475");
        assertThat(move.to()).isEqualTo(new OrganisationRef("UBND_XA", "06475", "UBND xã Bằng Mạc"));
    }

    @Test
    void aSplitCommuneGoesToTheSuccessorThatKeptItsCodeFlagged() {
        Move move = plan("UBND_XA", "06625", "UBND xã Kiên Mộc", "commune", "06625");
        assertThat(move.to().code()).isEqualTo("06625");
        assertThat(move.rule()).isEqualTo(SuccessionRules.SPLIT);
        assertThat(move.needsReassignment()).isTrue();
    }

    @Test
    void aSplitCommuneWhoseCodeNoSuccessorKeptGoesToTheLowestCodeFlagged() {
        Move move = plan("UBND_XA", "06622", "UBND xã Bính Xá", "commune", "06622");
        assertThat(move.to()).isEqualTo(new OrganisationRef("UBND_XA", "06613", "UBND xã Đình Lập"));
        assertThat(move.needsReassignment()).isTrue();
    }

    @Test
    void anAbolishedDistrictWithoutSuccessorGoesToTheCoordinationOfficeFlagged() {
        Move move = plan("UBND_HUYEN", "187", "UBND huyện Chi Lăng", "district", "187");
        assertThat(move.to()).isEqualTo(new OrganisationRef("VP_DIEU_PHOI", "20",
                "Văn phòng Điều phối xây dựng nông thôn mới tỉnh Lạng Sơn"));
        assertThat(move.rule()).isEqualTo(SuccessionRules.COORDINATION_OFFICE);
        assertThat(move.needsReassignment()).isTrue();
    }

    @Test
    void aDistrictOfAMergedProvinceGoesToTheNewProvincesCoordinationOffice() {
        Move move = plan("UBND_HUYEN", "829", "UBND huyện Châu Thành", "district", "829");
        assertThat(move.to().code()).isEqualTo("86");
        assertThat(move.provinceCode()).isEqualTo("86");
        assertThat(move.needsReassignment()).isTrue();
    }

    @Test
    void aMergedProvincesOfficesGoToTheNewProvince() {
        Move sector = plan("SO_NGANH", "83:GTVT", "Sở Giao thông vận tải", "province", "83");
        assertThat(sector.to()).isEqualTo(new OrganisationRef("SO_NGANH", "86:GTVT", "Sở Giao thông vận tải"));
        assertThat(sector.provinceCode()).isEqualTo("86");
        assertThat(sector.needsReassignment()).isFalse();
        Move office = plan("VP_DIEU_PHOI", "83", null, "province", "83");
        assertThat(office.to()).isEqualTo(new OrganisationRef("VP_DIEU_PHOI", "86",
                "Văn phòng Điều phối xây dựng nông thôn mới tỉnh Vĩnh Long"));
    }

    @Test
    void aMergedProvincesDepartmentIsNamedAfterTheNewProvinceWhenTheSectorListKnowsTheSector() {
        SuccessionRules.Register withSectors = new SuccessionRules.Register() {
            @Override
            public Optional<Unit> validOn(String level, String code, LocalDate day) {
                return register.validOn(level, code, day);
            }

            @Override
            public List<Successor> successors(String fromCode, LocalDate effectiveOn) {
                return register.successors(fromCode, effectiveOn);
            }

            @Override
            public Optional<String> sectorName(String sectorCode) {
                return sectorCode.equals("GTVT") ? Optional.of("Giao thông vận tải") : Optional.empty();
            }
        };
        Unit ceased = register.validOn("province", "83", LAST_DAY).orElseThrow();
        Move move = SuccessionRules.plan(new OrganisationRef("SO_NGANH", "83:GTVT",
                "Sở Giao thông vận tải tỉnh Bến Tre"), ceased, withSectors).orElseThrow();
        assertThat(move.to()).isEqualTo(new OrganisationRef("SO_NGANH", "86:GTVT",
                "Sở Giao thông vận tải tỉnh Vĩnh Long"));
        // a sector the list does not know keeps the name it had
        Move unknown = SuccessionRules.plan(new OrganisationRef("SO_NGANH", "83:XYZ", "Sở XYZ tỉnh Bến Tre"), ceased,
                withSectors).orElseThrow();
        assertThat(unknown.to().name()).isEqualTo("Sở XYZ tỉnh Bến Tre");
    }

    @Test
    void aProvinceWithNoSuccessorNamedLeavesItsTasksWhereTheyAre() {
        successions.removeIf(s -> s[0].equals("83"));
        Unit ceased = register.validOn("province", "83", LAST_DAY).orElseThrow();
        assertThat(SuccessionRules.plan(new OrganisationRef("VP_DIEU_PHOI", "83", null), ceased, register))
                .isEmpty();
    }
}
