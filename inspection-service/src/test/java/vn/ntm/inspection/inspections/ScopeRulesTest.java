package vn.ntm.inspection.inspections;

import org.junit.jupiter.api.Test;
import vn.ntm.inspection.inspections.ScopeRules.Named;
import vn.ntm.inspection.inspections.ScopeRules.Scope;
import vn.ntm.inspection.inspections.ScopeRules.Violation;
import vn.ntm.inspection.register.Register;
import vn.ntm.inspection.register.RegisterUnit;
import vn.ntm.inspection.register.SectorList;
import vn.ntm.platform.i18n.Messages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Real rows of the 2025-03 and 2025-07 registers (Lạng Sơn 20, one Hà Nội commune) as an in-memory register. */
class ScopeRulesTest {
    private static final LocalDate OLD = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_OLD_DAY = LocalDate.of(2025, 6, 30);
    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    private static final List<RegisterUnit> UNITS = List.of(
            new RegisterUnit("20", "Tỉnh Lạng Sơn", "Tỉnh", "province", null, "20", OLD, null),
            new RegisterUnit("01", "Thành phố Hà Nội", "Thành phố Trung ương", "province", null, "01", OLD, null),
            new RegisterUnit("187", "Huyện Chi Lăng", "Huyện", "district", "20", "20", OLD, LAST_OLD_DAY),
            new RegisterUnit("188", "Huyện Lộc Bình", "Huyện", "district", "20", "20", OLD, LAST_OLD_DAY),
            new RegisterUnit("001", "Quận Ba Đình", "Quận", "district", "01", "01", OLD, LAST_OLD_DAY),
            new RegisterUnit("06490", "Xã Thượng Cường", "Xã", "commune", "187", "20", OLD, LAST_OLD_DAY),
            new RegisterUnit("06523", "Xã Chi Lăng", "Xã", "commune", "187", "20", OLD, LAST_OLD_DAY),
            new RegisterUnit("06604", "Xã Nam Quan", "Xã", "commune", "188", "20", OLD, LAST_OLD_DAY),
            new RegisterUnit("06475", "Xã Gia Lộc", "Xã", "commune", "187", "20", OLD, LAST_OLD_DAY),
            new RegisterUnit("06475", "Xã Bằng Mạc", "Xã", "commune", "20", "20", REFORM, null),
            new RegisterUnit("00001", "Phường Phúc Xá", "Phường", "commune", "001", "01", OLD, LAST_OLD_DAY));
    private static final Register REGISTER = (code, on) -> UNITS.stream()
            .filter(u -> u.code().equals(code) && u.validOn(on)).findFirst();
    private static final LocalDate SEED_DAY = LocalDate.of(2022, 7, 20);

    private static List<Violation> scope(LocalDate on, String district, Named... communes) {
        List<Violation> out = new ArrayList<>();
        new ScopeRules(REGISTER, on, "20").scope(new Named("20", "Lạng Sơn"),
                district == null ? null : new Named(district, null), List.of(communes), out);
        return out;
    }

    @Test
    void takesTheRegistersNamesAndAcceptsANameWithoutItsTypePrefix() {
        List<Violation> out = new ArrayList<>();
        Scope scope = new ScopeRules(REGISTER, SEED_DAY, "20").scope(new Named("20", "Lạng Sơn"),
                new Named("187", "Chi Lăng"), List.of(new Named("06490", null), new Named("06523", "Xã Chi Lăng")),
                out);
        assertThat(out).isEmpty();
        assertThat(scope.province()).isEqualTo(new Named("20", "Tỉnh Lạng Sơn"));
        assertThat(scope.district()).isEqualTo(new Named("187", "Huyện Chi Lăng"));
        assertThat(scope.communes()).containsExactly(new Named("06490", "Xã Thượng Cường"),
                new Named("06523", "Xã Chi Lăng"));
    }

    @Test
    void refusesANameThatDisagreesWithTheRegisterNamingBoth() {
        List<Violation> out = scope(SEED_DAY, "188", new Named("06604", "Xã Thượng Cường"));
        assertThat(out).extracting(Violation::field).containsExactly("communes[0].name");
        assertThat(out.get(0).message().in(Messages.ENGLISH)).contains("Xã Nam Quan").contains("Xã Thượng Cường");
    }

    @Test
    void refusesACommuneOutsideTheDistrict() {
        List<Violation> out = scope(SEED_DAY, "187", new Named("06604", null));
        assertThat(out).extracting(Violation::field).containsExactly("communes[0].code");
        assertThat(out.get(0).message().in(Messages.ENGLISH)).contains("district 188");
    }

    @Test
    void refusesCommuneOfAnotherProvince() {
        List<Violation> out = scope(SEED_DAY, null, new Named("00001", null));
        assertThat(out).extracting(Violation::field).containsExactly("communes[0].code");
        assertThat(out.get(0).message().in(Messages.ENGLISH)).contains("province 01");
    }

    @Test
    void refusesADistrictOfAnotherProvince() {
        List<Violation> out = scope(SEED_DAY, "001", new Named("00001", null));
        assertThat(out).extracting(Violation::field).contains("district.code");
    }

    @Test
    void aUnitIsCheckedAsOfTheInspectionDate() {
        assertThat(scope(SEED_DAY, "187", new Named("06490", null))).isEmpty();
        assertThat(scope(LAST_OLD_DAY, "187", new Named("06490", null))).isEmpty();
        List<Violation> after = scope(LocalDate.of(2026, 3, 1), null, new Named("06490", null));
        assertThat(after).extracting(Violation::field).containsExactly("communes[0].code");
        assertThat(after.get(0).message().in(Messages.ENGLISH)).contains("06490").contains("01/03/2026");
    }

    @Test
    void aReusedCodeMeansTheUnitOfThatDate() {
        List<Violation> out = new ArrayList<>();
        Scope before = new ScopeRules(REGISTER, LocalDate.of(2024, 5, 1), "20").scope(new Named("20", null),
                null, List.of(new Named("06475", null)), out);
        Scope after = new ScopeRules(REGISTER, LocalDate.of(2026, 5, 1), "20").scope(new Named("20", null),
                null, List.of(new Named("06475", null)), out);
        assertThat(out).isEmpty();
        assertThat(before.communes().get(0).name()).isEqualTo("Xã Gia Lộc");
        assertThat(after.communes().get(0).name()).isEqualTo("Xã Bằng Mạc");
    }

    @Test
    void anInspectionFromTheReorganisationOnNamesNoDistrict() {
        List<Violation> out = scope(REFORM, "187", new Named("06475", null));
        assertThat(out).extracting(Violation::field).containsExactly("district");
        assertThat(scope(REFORM, null, new Named("06475", null))).isEmpty();
    }

    @Test
    void organisationsMustExistOnTheDateAndLieInTheInspectorsProvince() {
        ScopeRules inspector = new ScopeRules(REGISTER, SEED_DAY, "20");
        List<Violation> out = new ArrayList<>();
        inspector.organisation("assignee", "UBND_XA", "06490", out);
        inspector.organisation("assignee", "UBND_HUYEN", "187", out);
        inspector.organisation("assignee", "SO_NGANH", "20:GTVT", out);
        inspector.organisation("assignee", "VP_DIEU_PHOI", "20", out);
        assertThat(out).isEmpty();

        inspector.organisation("a", "UBND_XA", "00001", out);
        inspector.organisation("b", "UBND_HUYEN", "001", out);
        inspector.organisation("c", "SO_NGANH", "01:GTVT", out);
        inspector.organisation("d", "VP_DIEU_PHOI", "01", out);
        inspector.organisation("e", "UBND_XA", "99999", out);
        inspector.organisation("f", "SO_NGANH", "GTVT", out);
        assertThat(out).extracting(Violation::field)
                .containsExactly("a.code", "b.code", "c.code", "d.code", "e.code", "f.code");
        assertThat(out.get(0).message().in(Messages.ENGLISH)).contains("Phường Phúc Xá").contains("outside province 20");
    }

    @Test
    void thereIsNoUbndHuyenAfterTheReorganisation() {
        List<Violation> out = new ArrayList<>();
        new ScopeRules(REGISTER, REFORM, "20").organisation("assignee", "UBND_HUYEN", "187", out);
        assertThat(out).extracting(Violation::field).containsExactly("assignee.code");
    }

    @Test
    void anAdministratorIsNotBoundToAProvinceButUnitsMustStillExist() {
        List<Violation> out = new ArrayList<>();
        ScopeRules admin = new ScopeRules(REGISTER, SEED_DAY, null);
        admin.organisation("assignee", "UBND_XA", "00001", out);
        assertThat(out).isEmpty();
        admin.organisation("assignee", "UBND_XA", "99999", out);
        assertThat(out).hasSize(1);
    }

    @Test
    void namesCompareWithoutCaseOrUnicodeNormalisationDifferences() {
        String decomposed = java.text.Normalizer.normalize("Xã Thượng Cường", java.text.Normalizer.Form.NFD);
        assertThat(ScopeRules.sameName(decomposed, "Xã Thượng Cường")).isTrue();
        assertThat(ScopeRules.sameName("thượng cường", "Xã Thượng Cường")).isTrue();
        assertThat(ScopeRules.sameName("Cường", "Xã Thượng Cường")).isFalse();
        assertThat(ScopeRules.sameName("Xã Nam Quan", "Xã Thượng Cường")).isFalse();
    }

    @Test
    void aSoNganhSectorMustBeInTheListAndValidOnTheInspectionDate() {
        SectorList sectors = code -> java.util.Optional.ofNullable(switch (code) {
            case "GTVT" -> new SectorList.Sector("GTVT", "Giao thông vận tải", null, LocalDate.of(2025, 2, 28));
            case "XD" -> new SectorList.Sector("XD", "Xây dựng", null, null);
            default -> null;
        });
        List<Violation> out = new ArrayList<>();
        new ScopeRules(REGISTER, sectors, SEED_DAY, "20").organisation("leadAgency", "SO_NGANH", "20:GTVT", out);
        new ScopeRules(REGISTER, sectors, REFORM, "20").organisation("participants[0]", "SO_NGANH", "20:XD", out);
        assertThat(out).isEmpty();

        new ScopeRules(REGISTER, sectors, REFORM, "20").organisation("participants[1]", "SO_NGANH", "20:GTVT", out);
        new ScopeRules(REGISTER, sectors, SEED_DAY, "20").organisation("participants[2]", "SO_NGANH", "20:KHDT", out);
        assertThat(out).extracting(Violation::field).containsExactly("participants[1].code", "participants[2].code");
        assertThat(out.get(0).message().in(Messages.ENGLISH)).contains("GTVT", "to 28/02/2025", "01/07/2025");
        assertThat(out.get(1).message().in(Messages.ENGLISH)).contains("KHDT", "not in the sector list");
        assertThat(out.get(1).message().in(Messages.VIETNAMESE)).contains("KHDT", "không có trong danh mục ngành");
    }
}
