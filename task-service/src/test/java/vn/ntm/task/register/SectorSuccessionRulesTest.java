package vn.ntm.task.register;

import org.junit.jupiter.api.Test;
import vn.ntm.task.register.SectorSuccessionRules.Duty;
import vn.ntm.task.register.SectorSuccessionRules.Move;
import vn.ntm.task.register.SectorSuccessionRules.Sector;
import vn.ntm.task.register.SectorSuccessionRules.Successor;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a department's work goes when its sector ceased, on the sector succession of 1 March 2025
 * (shared/data/sectors/: its rows, and the criterion duties SOURCES.md states).
 */
class SectorSuccessionRulesTest {
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 2, 28);
    private static final LocalDate MARCH_1 = LocalDate.of(2025, 3, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final String BASIS = "Nghị quyết 176/2025/QH15; Nghị định 45/2025/NĐ-CP";
    private static final String SET = "XA_NTM_2021_2025";

    private final Map<String, Sector> sectors = new LinkedHashMap<>();

    SectorSuccessionRulesTest() {
        continuing("XD", "Xây dựng");
        continuing("NV", "Nội vụ");
        continuing("YT", "Y tế");
        continuing("GDDT", "Giáo dục và Đào tạo");
        continuing("VHTTDL", "Văn hóa, Thể thao và Du lịch");
        sectors.put("NNMT", new Sector("NNMT", "Nông nghiệp và Môi trường", MARCH_1, null, null, List.of()));
        sectors.put("KHCN", new Sector("KHCN", "Khoa học và Công nghệ", MARCH_1, null, null, List.of()));
        ceased("TNMT", "Tài nguyên và Môi trường", new Successor("NNMT", true, List.of()));
        ceased("NNPTNT", "Nông nghiệp và Phát triển nông thôn", new Successor("NNMT", true, List.of()));
        ceased("GTVT", "Giao thông vận tải", new Successor("XD", true, List.of()));
        ceased("TTTT", "Thông tin và Truyền thông",
                new Successor("KHCN", true, List.of(new Duty(SET, 8, "LEAD"))),
                new Successor("VHTTDL", false, List.of()));
        ceased("LDTBXH", "Lao động – Thương binh và Xã hội",
                new Successor("NV", true, List.of(new Duty(SET, 12, "LEAD"))),
                new Successor("NNMT", false, List.of(new Duty(SET, 11, "LEAD"))),
                new Successor("YT", false, List.of()),
                new Successor("GDDT", false, List.of(new Duty(SET, 12, "COOPERATING"))));
    }

    private void continuing(String code, String name) {
        sectors.put(code, new Sector(code, name, null, null, null, List.of()));
    }

    private void ceased(String code, String name, Successor... successors) {
        sectors.put(code, new Sector(code, name, null, LAST_DAY, BASIS, List.of(successors)));
    }

    private Move move(String sector, String set, Integer criterion) {
        return SectorSuccessionRules.successor(sector, set, criterion, sectors, TODAY).orElseThrow();
    }

    @Test
    void aMergedDepartmentsWorkGoesToThePrimarySuccessorAsOfTheFirstOfMarch() {
        Move environment = move("TNMT", SET, 17);
        assertThat(environment.toSector()).isEqualTo("NNMT");
        assertThat(environment.rule()).isEqualTo(SuccessionRules.SUCCESSOR);
        assertThat(environment.needsReassignment()).isFalse();
        assertThat(environment.effectiveOn()).isEqualTo(MARCH_1);
        assertThat(environment.legalBasis()).isEqualTo(BASIS);
        assertThat(environment.cooperating()).isEmpty();
        assertThat(move("NNPTNT", SET, 13).toSector()).isEqualTo("NNMT");
        assertThat(move("GTVT", SET, 2).toSector()).isEqualTo("XD");
        assertThat(move("TTTT", SET, 8).toSector()).isEqualTo("KHCN");
        assertThat(move("LDTBXH", SET, 18).toSector()).as("gender equality: the primary successor").isEqualTo("NV");
        assertThat(move("LDTBXH", null, null).toSector()).as("work not about one criterion").isEqualTo("NV");
    }

    @Test
    void whereTheDepartmentSplitTheCriterionsDutyDecides() {
        assertThat(move("LDTBXH", SET, 11).toSector()).as("multidimensional poverty").isEqualTo("NNMT");
        Move labour = move("LDTBXH", SET, 12);
        assertThat(labour.toSector()).isEqualTo("NV");
        assertThat(labour.cooperating()).as("vocational training").containsExactly("GDDT");
        assertThat(move("LDTBXH", "XA_NTM_2016_2020", 11).toSector())
                .as("a duty named for another set does not apply").isEqualTo("NV");
    }

    @Test
    void aDutyForAnySetAppliesAndOneNamingTheSetWins() {
        ceased("TTTT", "Thông tin và Truyền thông",
                new Successor("KHCN", true, List.of(new Duty(SET, 8, "LEAD"))),
                new Successor("VHTTDL", false, List.of(new Duty("", 8, "LEAD"))));
        assertThat(move("TTTT", SET, 8).toSector()).isEqualTo("KHCN");
        assertThat(move("TTTT", "XA_NTM_2016_2020", 8).toSector()).isEqualTo("VHTTDL");
    }

    @Test
    void withoutAPrimarySuccessorTheLowestCodeIsTakenAndFlagged() {
        ceased("TTTT", "Thông tin và Truyền thông", new Successor("VHTTDL", false, List.of()),
                new Successor("KHCN", false, List.of()));
        Move move = move("TTTT", SET, 2);
        assertThat(move.toSector()).isEqualTo("KHCN");
        assertThat(move.rule()).isEqualTo(SuccessionRules.SPLIT);
        assertThat(move.needsReassignment()).isTrue();
    }

    @Test
    void aSectorStillValidOrWithoutSuccessorsKeepsItsWork() {
        assertThat(SectorSuccessionRules.successor("XD", SET, 1, sectors, TODAY)).isEmpty();
        assertThat(SectorSuccessionRules.successor("TNMT", SET, 17, sectors, LAST_DAY))
                .as("not before its last day has passed").isEmpty();
        assertThat(SectorSuccessionRules.successor("UNKNOWN", SET, 17, sectors, TODAY)).isEmpty();
        ceased("TNMT", "Tài nguyên và Môi trường");
        assertThat(SectorSuccessionRules.successor("TNMT", SET, 17, sectors, TODAY)).isEmpty();
    }

    @Test
    void aCriterionIsLedByItsCatalogLeadAndEverySectorItsWorkWentTo() {
        assertThat(SectorSuccessionRules.leads(SET, 17, "TNMT", sectors)).containsExactly("TNMT", "NNMT");
        assertThat(SectorSuccessionRules.leads(SET, 11, "LDTBXH", sectors)).containsExactly("LDTBXH", "NNMT");
        assertThat(SectorSuccessionRules.leads(SET, 12, "LDTBXH", sectors)).containsExactly("LDTBXH", "NV");
        assertThat(SectorSuccessionRules.leads(SET, 1, "XD", sectors)).containsExactly("XD");
        // a later merger of the successor is followed too
        sectors.put("NNMT", new Sector("NNMT", "Nông nghiệp và Môi trường", MARCH_1, LocalDate.of(2030, 1, 1),
                null, List.of(new Successor("XD", true, List.of()))));
        assertThat(SectorSuccessionRules.leads(SET, 17, "TNMT", sectors)).containsExactly("TNMT", "NNMT", "XD");
    }

    @Test
    void theNewDepartmentIsNamedAsTaskServiceNamesDepartments() {
        assertThat(SectorSuccessionRules.departmentName("NNMT", "Nông nghiệp và Môi trường", "Tỉnh Lạng Sơn"))
                .isEqualTo("Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn");
        assertThat(SectorSuccessionRules.departmentName("KHCN", "Khoa học và Công nghệ", "Thành phố Hà Nội"))
                .isEqualTo("Sở Khoa học và Công nghệ thành phố Hà Nội");
        assertThat(SectorSuccessionRules.departmentName("BHXH", "Bảo hiểm xã hội", "Tỉnh Lạng Sơn"))
                .isEqualTo("Bảo hiểm xã hội tỉnh Lạng Sơn");
        assertThat(SectorSuccessionRules.departmentName("XD", "Xây dựng", null)).isEqualTo("Sở Xây dựng");
        assertThat(SectorSuccessionRules.provinceInName("Sở Tài nguyên và Môi trường tỉnh Lạng Sơn"))
                .isEqualTo("Tỉnh Lạng Sơn");
        assertThat(SectorSuccessionRules.provinceInName("Sở Giao thông vận tải")).isNull();
        assertThat(SectorSuccessionRules.sectorOf("20:TNMT")).isEqualTo("TNMT");
        assertThat(SectorSuccessionRules.provinceOf("20:TNMT")).isEqualTo("20");
        assertThat(SectorSuccessionRules.sectorOf("TNMT")).isNull();
    }
}
