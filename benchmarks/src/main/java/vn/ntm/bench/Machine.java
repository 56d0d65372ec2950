package vn.ntm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * Resident memory of a process by kind (MiB): anonymous (heap, metaspace, code, stacks, malloc) and file-backed
     * (mapped jars, the class-data-sharing archive, libjvm), the thread count, and, when the process runs with
     * -XX:NativeMemoryTracking=summary, the JVM's committed memory by category ({@code jcmd VM.native_memory}).
     */
    record Memory(double rss, double anon, double file, int threads, double cpuSeconds, Map<String, Double> jvmCommitted,
                  String nmt) {
        String jvm(String category) {
            Double mib = jvmCommitted.get(category);
            return mib == null ? "—" : String.format("%.0f", mib);
        }
    }

    static Memory memory(long pid) {
        Map<String, Long> status = new HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                String[] kv = line.split(":", 2);
                if (kv.length == 2 && kv[1].trim().matches("\\d+( kB)?")) {
                    status.put(kv[0], Long.parseLong(kv[1].replaceAll("\\D", "")));
                }
            }
        } catch (IOException e) {
            return new Memory(-1, -1, -1, -1, -1, Map.of(), "");
        }
        double cpu = -1;
        try {
            // utime and stime, in clock ticks (100 per second on Linux), after the command name in parentheses
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            // gone
        }
        Map<String, Double> jvm = new LinkedHashMap<>();
        String nmt = "";
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "VM.native_memory", "summary").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            nmt = out.contains("Native Memory Tracking") && !out.contains("not enabled") ? out : "";
            Matcher m = Pattern.compile("-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)").matcher(out);
            while (m.find()) {
                jvm.put(m.group(1).trim(), Long.parseLong(m.group(3)) / 1024.0);
            }
        } catch (IOException e) {
            // no jcmd: the /proc figures alone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Memory(status.getOrDefault("VmRSS", -1024L) / 1024.0, status.getOrDefault("RssAnon", -1024L) / 1024.0,
                status.getOrDefault("RssFile", -1024L) / 1024.0, status.getOrDefault("Threads", -1L).intValue(), cpu, jvm, nmt);
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
