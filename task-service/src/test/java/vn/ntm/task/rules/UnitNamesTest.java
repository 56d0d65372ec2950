package vn.ntm.task.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitNamesTest {
    @Test
    void lowerCasesTheRegistersTypeInRunningText() {
        assertThat(UnitNames.inText("Xã Thượng Cường", "xã")).isEqualTo("xã Thượng Cường");
        assertThat(UnitNames.inText("Huyện Chi Lăng", "huyện")).isEqualTo("huyện Chi Lăng");
        assertThat(UnitNames.inText("Thành phố Hà Nội", "tỉnh")).isEqualTo("thành phố Hà Nội");
        assertThat(UnitNames.inText("Phường Hồng Hà", "xã")).isEqualTo("phường Hồng Hà");
    }

    @Test
    void givesABareNameTheExpectedType() {
        assertThat(UnitNames.inText("Thượng Cường", "xã")).isEqualTo("xã Thượng Cường");
        assertThat(UnitNames.inText("Xã", "xã")).isEqualTo("xã Xã");
        assertThat(UnitNames.inText(null, "xã")).isEmpty();
    }
}
