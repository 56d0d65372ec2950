package vn.ntm.system;

import org.junit.jupiter.api.Test;
import vn.ntm.localinfra.Ports;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RunScriptIT {
    private static final Path ROOT = Path.of(System.getProperty("ntm.root", "..")).toAbsolutePath().normalize();

    @Test
    void refusesToStartWhenAPortIsTakenAndSaysWhich() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("run.sh").toString(), "--no-build")
                    .directory(ROOT.toFile()).redirectErrorStream(true);
            pb.environment().put("NTM_DATA_DIR", ROOT.resolve("system-tests/target/port-taken-data").toString());
            pb.environment().put("NTM_PG_PORT", Integer.toString(Ports.freePort()));
            pb.environment().put("NTM_KAFKA_PORT", Integer.toString(Ports.freePort()));
            pb.environment().put("NTM_KAFKA_CONTROLLER_PORT", Integer.toString(Ports.freePort()));
            pb.environment().put("NTM_CRITERIA_PORT", Integer.toString(Ports.freePort()));
            pb.environment().put("NTM_INSPECTION_PORT", Integer.toString(Ports.freePort()));
            pb.environment().put("NTM_TASK_PORT", Integer.toString(taken.getLocalPort()));
            for (String management : List.of("NTM_CRITERIA_MANAGEMENT_PORT", "NTM_INSPECTION_MANAGEMENT_PORT",
                    "NTM_TASK_MANAGEMENT_PORT")) {
                pb.environment().put(management, Integer.toString(Ports.freePort()));
            }
            Process run = pb.start();
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.exitValue()).as(out).isNotZero();
            assertThat(out).contains("port " + taken.getLocalPort() + " for task-service (NTM_TASK_PORT) is already"
                    + " in use");
        }
    }

    @Test
    void rejectsAPortThatIsNotANumber() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("run.sh").toString(), "--no-build")
                .directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().put("NTM_PG_PORT", "five");
        Process run = pb.start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as(out).isNotZero();
        assertThat(out).contains("NTM_PG_PORT=five is not a port number");
    }
}
