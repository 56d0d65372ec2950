package vn.ntm.criteria.register;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RegisterSubsetTest {
    private static final String BEFORE = """
            level,code,name,type,parent_code
            province,20,Tỉnh Lạng Sơn,Tỉnh,
            province,83,Tỉnh Bến Tre,Tỉnh,
            district,187,Huyện Chi Lăng,Huyện,20
            district,829,Thành phố Bến Tre,Thành phố,83
            commune,06490,Xã Thượng Cường,Xã,187
            commune,28756,Phường Phú Khương,Phường,829
            """;
    private static final String AFTER = """
            level,code,name,type,parent_code
            province,20,Tỉnh Lạng Sơn,Tỉnh,
            province,86,Tỉnh Vĩnh Long,Tỉnh,
            commune,06475,Xã Bằng Mạc,Xã,20
            commune,28756,Phường An Hội,Phường,86
            """;
    private static final String SUCCESSION = """
            old_code,old_name,new_code,new_name,effective_from
            06490,Xã Thượng Cường,06475,Xã Bằng Mạc,2025-07-01
            28756,Phường Phú Khương,28756,Phường An Hội,2025-07-01
            """;

    @Test
    void keepsTheChosenProvincesWithEveryUnitBelowThemAndTheSuccessionsBetweenKeptUnits() {
        RegisterSubset subset = new RegisterSubset(Set.of("20"));
        RegisterSubset.Units before = subset.units(BEFORE);
        RegisterSubset.Units after = subset.units(AFTER);

        assertThat(before.csv()).isEqualTo("""
                level,code,name,type,parent_code
                province,20,Tỉnh Lạng Sơn,Tỉnh,
                district,187,Huyện Chi Lăng,Huyện,20
                commune,06490,Xã Thượng Cường,Xã,187
                """);
        assertThat(after.csv()).isEqualTo("""
                level,code,name,type,parent_code
                province,20,Tỉnh Lạng Sơn,Tỉnh,
                commune,06475,Xã Bằng Mạc,Xã,20
                """);
        assertThat(RegisterSubset.successions(SUCCESSION, before, after)).isEqualTo("""
                old_code,old_name,new_code,new_name,effective_from
                06490,Xã Thượng Cường,06475,Xã Bằng Mạc,2025-07-01
                """);
    }

    @Test
    void aSuccessionIntoAProvinceThatWasNotChosenIsLeftOut() {
        RegisterSubset subset = new RegisterSubset(Set.of("83"));
        RegisterSubset.Units before = subset.units(BEFORE);
        RegisterSubset.Units after = subset.units(AFTER);

        assertThat(after.codes()).isEmpty();
        assertThat(RegisterSubset.successions(SUCCESSION, before, after))
                .isEqualTo("old_code,old_name,new_code,new_name,effective_from\n");
    }
}
