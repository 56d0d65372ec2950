package vn.ntm.localinfra;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PortsTest {

    @Test
    void choosesFreePortsOutsideTheKernelsEphemeralRangeAndNeverTheSameTwice() {
        Ports.Range ephemeral = Ports.ephemeralRange();
        Set<Integer> chosen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            int port = Ports.freePort();
            assertThat(ephemeral.contains(port)).as("port %d inside the ephemeral range %s", port, ephemeral)
                    .isFalse();
            assertThat(port).isBetween(1024, 65535);
            assertThat(chosen.add(port)).as("port %d handed out twice", port).isTrue();
            assertThat(Ports.isFree(port)).as("port %d is bindable", port).isTrue();
        }
        assertThat(chosen).doesNotContain(5432, 3306, 6379, 5672, 1883, 4222, 8081, 8082, 8083, 9081, 9082, 9083);
    }

    @Test
    void readsTheRangeTheKernelUses() throws Exception {
        if (java.nio.file.Files.isReadable(Ports.EPHEMERAL_RANGE)) {
            String[] parts = Ports.readProcFile(Ports.EPHEMERAL_RANGE).trim().split("\\s+");
            assertThat(Ports.ephemeralRange())
                    .isEqualTo(new Ports.Range(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
        } else {
            assertThat(Ports.ephemeralRange()).isEqualTo(Ports.DEFAULT_EPHEMERAL);
        }
    }

    @Test
    void picksTheLargerStretchOutsideAnyEphemeralRange() {
        assertThat(Ports.poolOutside(new Ports.Range(32768, 60999))).isEqualTo(new Ports.Range(10000, 32767));
        assertThat(Ports.poolOutside(new Ports.Range(15000, 20000))).isEqualTo(new Ports.Range(20001, 65535));
        int port = Ports.freePort(new Ports.Range(15000, 20000));
        assertThat(port).isGreaterThan(20000);
    }
}
