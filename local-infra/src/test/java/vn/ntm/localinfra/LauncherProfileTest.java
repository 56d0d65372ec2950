package vn.ntm.localinfra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ./run.sh turns on the services' local profile (the local key pair and issuer), on top of any profile set. */
class LauncherProfileTest {
    @Test
    void theServicesRunWithTheLocalProfileLastOnTopOfTheConfiguredOnes() {
        assertThat(Launcher.withLocalProfile(null)).isEqualTo("prod,local");
        assertThat(Launcher.withLocalProfile(" ")).isEqualTo("prod,local");
        assertThat(Launcher.withLocalProfile("staging")).isEqualTo("staging,local");
        assertThat(Launcher.withLocalProfile("local, staging")).isEqualTo("staging,local");
    }
}
