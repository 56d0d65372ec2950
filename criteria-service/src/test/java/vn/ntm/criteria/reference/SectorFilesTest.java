package vn.ntm.criteria.reference;

import org.junit.jupiter.api.Test;
import vn.ntm.criteria.register.CsvTable;
import vn.ntm.criteria.shared.Violation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure checks of the sector succession and criterion duty files, on the shipped seed and on broken rows. */
class SectorFilesTest {
    private static final LocalDate MARCH_1 = LocalDate.of(2025, 3, 1);

    private static Map<String, SectorSuccessionFile.Known> seedList() {
        Map<String, SectorSuccessionFile.Known> known = new HashMap<>();
        String[][] sectors = {{"XD", "Xây dựng"}, {"GTVT", "Giao thông vận tải"},
                {"NNPTNT", "Nông nghiệp và Phát triển nông thôn"}, {"CT", "Công Thương"},
                {"GDDT", "Giáo dục và Đào tạo"}, {"VHTTDL", "Văn hóa, Thể thao và Du lịch"},
                {"TTTT", "Thông tin và Truyền thông"}, {"LDTBXH", "Lao động – Thương binh và Xã hội"}, {"YT", "Y tế"},
                {"BHXH", "Bảo hiểm xã hội"}, {"TNMT", "Tài nguyên và Môi trường"}, {"NV", "Nội vụ"},
                {"TP", "Tư pháp"}, {"QS", "Quân sự"}, {"CA", "Công an"}};
        for (String[] s : sectors) {
            known.put(s[0], new SectorSuccessionFile.Known(s[0], s[1], null, null));
        }
        return known;
    }

    private static SectorSuccessionFile.Result succession(String csv) {
        return SectorSuccessionFile.check(CsvTable.parse(csv), "NQ 176/2025/QH15", seedList());
    }

    @Test
    void theShippedFileEndsFiveDepartmentsAndCreatesTwo() {
        SectorSuccessionFile.Result result = succession(SectorSeeder.resource("sector-succession-2025-03.csv"));

        assertThat(result.violations()).isEmpty();
        assertThat(result.added()).containsExactly(
                new SectorSuccessionFile.NewSector("NNMT", "Nông nghiệp và Môi trường", MARCH_1),
                new SectorSuccessionFile.NewSector("KHCN", "Khoa học và Công nghệ", MARCH_1));
        Map<String, List<String>> successors = new HashMap<>();
        result.ceasings().forEach(c -> successors.put(c.code(), c.successorCodes()));
        assertThat(successors).containsOnlyKeys("NNPTNT", "TNMT", "GTVT", "TTTT", "LDTBXH")
                .containsEntry("TNMT", List.of("NNMT")).containsEntry("GTVT", List.of("XD"))
                .containsEntry("TTTT", List.of("KHCN", "VHTTDL"))
                .containsEntry("LDTBXH", List.of("NV", "NNMT", "YT", "GDDT"));
        assertThat(result.ceasings()).allSatisfy(c -> {
            assertThat(c.effectiveOn()).isEqualTo(MARCH_1);
            assertThat(c.legalBasis()).isEqualTo("NQ 176/2025/QH15");
            assertThat(c.successors().get(0).primary()).isTrue();
        });
    }

    @Test
    void aSectorNeedsExactlyOnePrimarySuccessorAndOneDate() {
        String header = "old_code,old_name,successor_code,successor_name,effective_on,duties_moved,primary\n";
        assertThat(fields(succession(header + "TTTT,,KHCN,Khoa học và Công nghệ,2025-03-01,a,no\n"
                + "TTTT,,VHTTDL,,2025-03-01,b,no\n"))).containsExactly("rows[2].primary");
        assertThat(fields(succession(header + "TTTT,,KHCN,Khoa học và Công nghệ,2025-03-01,a,yes\n"
                + "TTTT,,VHTTDL,,2025-03-01,b,yes\n"))).containsExactly("rows[3].primary");
        assertThat(fields(succession(header + "TTTT,,KHCN,Khoa học và Công nghệ,2025-03-01,a,yes\n"
                + "TTTT,,VHTTDL,,2025-04-01,b,no\n"))).containsExactly("rows[3].effective_on");
    }

    @Test
    void codesNamesDatesAndSuccessorsAreChecked() {
        String header = "old_code,old_name,successor_code,successor_name,effective_on,duties_moved,primary\n";
        assertThat(fields(succession(header + "tnmt,,NNMT,Nông nghiệp và Môi trường,2025-03-01,all,yes\n")))
                .containsExactly("rows[2].old_code");
        assertThat(fields(succession(header + "TNMT,Tài nguyên,NNMT,Nông nghiệp và Môi trường,2025-03-01,all,yes\n")))
                .containsExactly("rows[2].old_name");
        assertThat(fields(succession(header + "TNMT,,TNMT,,2025-03-01,all,yes\n")))
                .containsExactly("rows[2].successor_code");
        assertThat(fields(succession(header + "TNMT,,NNMT,,2025-03-01,all,yes\n")))
                .as("a new successor needs its name").containsExactly("rows[2].successor_name");
        assertThat(fields(succession(header + "TNMT,,NNMT,Nông nghiệp và Môi trường,2025-3-1,all,yes\n")))
                .containsExactly("rows[2].effective_on");
        assertThat(fields(succession(header + "TNMT,,NNMT,Nông nghiệp và Môi trường,2025-03-01,all,yes\n"
                + "TNMT,,NNMT,Nông nghiệp và Môi trường,2025-03-01,all,yes\n"))).containsExactly("rows[3]");
        assertThat(fields(succession(header + "TNMT,,NNPTNT,,2025-03-01,all,yes\n"
                + "NNPTNT,,NNMT,Nông nghiệp và Môi trường,2025-03-01,all,yes\n")))
                .as("a successor that ceases in the same file").containsExactly("rows[2].successor_code");
        Map<String, SectorSuccessionFile.Known> ended = seedList();
        ended.put("TNMT", new SectorSuccessionFile.Known("TNMT", "Tài nguyên và Môi trường", null,
                LocalDate.of(2020, 1, 1)));
        assertThat(fields(SectorSuccessionFile.check(CsvTable.parse(header
                + "TNMT,,NNMT,Nông nghiệp và Môi trường,2025-03-01,all,yes\n"), null, ended)))
                .as("a sector that had already ended").containsExactly("rows[2].effective_on");
    }

    @Test
    void theShippedDutiesNameSuccessionsOfTheList() {
        Set<String> successions = Set.of("TTTT>KHCN", "TTTT>VHTTDL", "LDTBXH>NV", "LDTBXH>NNMT", "LDTBXH>YT",
                "LDTBXH>GDDT", "TNMT>NNMT", "NNPTNT>NNMT", "GTVT>XD");
        SectorDutyFile.Result result = SectorDutyFile.check(CsvTable.parse(
                SectorSeeder.resource("sector-criterion-duties-2025-03.csv")), successions);

        assertThat(result.violations()).isEmpty();
        assertThat(result.byOldSector()).containsOnlyKeys("TTTT", "LDTBXH");
        assertThat(result.byOldSector().get("LDTBXH")).filteredOn(d -> d.criterion() == 11)
                .extracting(SectorDutyFile.Duty::to, SectorDutyFile.Duty::role).containsOnly(
                        org.assertj.core.groups.Tuple.tuple("NNMT", "LEAD"));
        assertThat(result.byOldSector().get("LDTBXH")).filteredOn(d -> d.criterion() == 12)
                .extracting(SectorDutyFile.Duty::to).containsOnly("NV", "GDDT");

        String header = "old_code,successor_code,criteria_set,criterion,role\n";
        assertThat(fields(SectorDutyFile.check(CsvTable.parse(header + "LDTBXH,NV,,12,lead\nLDTBXH,NNMT,,12,lead\n"),
                successions))).as("one lead per criterion").containsExactly("rows[3].role");
        assertThat(fields(SectorDutyFile.check(CsvTable.parse(header + "LDTBXH,NV,xa ntm,0,chu tri\n"),
                successions))).containsExactly("rows[2].criteria_set", "rows[2].criterion", "rows[2].role");
        assertThat(fields(SectorDutyFile.check(CsvTable.parse(header + "TNMT,XD,,17,lead\n"), successions)))
                .containsExactly("rows[2].successor_code");
    }

    private static List<String> fields(SectorSuccessionFile.Result result) {
        return result.violations().stream().map(Violation::field).toList();
    }

    private static List<String> fields(SectorDutyFile.Result result) {
        return result.violations().stream().map(Violation::field).toList();
    }
}
