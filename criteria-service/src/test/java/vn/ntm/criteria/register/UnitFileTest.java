package vn.ntm.criteria.register;

import org.junit.jupiter.api.Test;
import vn.ntm.criteria.shared.Violation;
import vn.ntm.platform.i18n.Messages;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnitFileTest {
    private static final String HEADER = "level,code,name,type,parent_code\n";

    @Test
    void derivesEachUnitsProvinceThroughItsParents() {
        UnitFile.Result result = UnitFile.check(CsvTable.parse(HEADER
                + "province,20,Tỉnh Lạng Sơn,Tỉnh,\n"
                + "district,187,Huyện Chi Lăng,Huyện,20\n"
                + "commune,06490,Xã Thượng Cường,Xã,187\n"
                + "commune,06475,Xã Bằng Mạc,Xã,20\n"));

        assertThat(result.violations()).isEmpty();
        assertThat(result.units()).extracting(u -> u.attributes().provinceCode()).containsOnly("20");
        assertThat(result.units().get(2).attributes())
                .isEqualTo(new UnitAttributes("Xã Thượng Cường", "Xã", AdminLevel.COMMUNE, "187", "20"));
        assertThat(result.units().get(0).attributes().parentCode()).isNull();
    }

    @Test
    void refusesBadRowsNamingTheirLineNumbers() {
        UnitFile.Result result = UnitFile.check(CsvTable.parse(HEADER
                + "province,20,Tỉnh Lạng Sơn,Tỉnh,\n"          // row 2
                + "commune,0649,Xã Thượng Cường,Xã,187\n"     // row 3: 4 digits
                + "village,06491,Thôn A,Thôn,187\n"            // row 4: unknown level
                + "district,187,Huyện Chi Lăng,Huyện,20\n"     // row 5
                + "commune,06523,Xã Chi Lăng,Xã,999\n"         // row 6: unknown parent
                + "commune,06523,Xã Chi Lăng,Xã,187\n"         // row 7: duplicate
                + "commune,,Xã Không Mã,Xã,187\n"              // row 8: missing code
                + "commune,06526,Xã Quang Lang,Xã,06523\n"));  // row 9: a commune in a commune

        assertThat(result.violations()).extracting(Violation::field).containsExactly("rows[3].code",
                "rows[4].level", "rows[6].parent_code", "rows[7].code", "rows[8].code", "rows[9].parent_code");
        assertThat(result.violations().get(3).message().in(Messages.ENGLISH)).contains("duplicate").contains("row 6");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(UnitFile.check(CsvTable.parse(HEADER)).violations()).extracting(Violation::field)
                .containsExactly("rows");
    }

    @Test
    void readsQuotedFieldsAndCrLf() {
        CsvTable table = CsvTable.parse(HEADER.replace("\n", "\r\n")
                + "province,99,\"Tỉnh \"\"Thử\"\", nghiệm\",Tỉnh,\r\n");

        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().get(0).number()).isEqualTo(2);
        assertThat(table.rows().get(0).fields()).isEqualTo(List.of("province", "99", "Tỉnh \"Thử\", nghiệm", "Tỉnh", ""));
    }
}
