package vn.ntm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on, and the resident memory of a process. */
final class Machine {
    static String describe() {
        String cpu = firstMatching(Path.of("/proc/cpuinfo"), "model name");
        String mem = firstMatching(Path.of("/proc/meminfo"), "MemTotal");
        return String.format("%d cores (%s), %s, %s %s, Java %s (%s)",
                Runtime.getRuntime().availableProcessors(), cpu, mem.replaceAll("\\s+", " "),
                System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }

    /** The 1, 5 and 15 minute load averages: on a shared machine every figure must be read beside them. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Resident set size in MiB, or -1 when the process is gone. */
    static double rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static String firstMatching(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(key)).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private Machine() {
    }
}
