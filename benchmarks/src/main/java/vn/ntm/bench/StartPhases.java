package vn.ntm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's start read from its log: Quarkus' own "started in" figure, and when the last line of Flyway, of
 * Hibernate and of the Kafka clients was written before it, in seconds from the start Quarkus counts from.
 */
record StartPhases(String flyway, String hibernate, String kafka, String started) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    private static final Pattern STARTED = Pattern.compile("started in (\\d+\\.\\d+)s");

    static StartPhases read(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new StartPhases("?", "?", "?", "?");
        }
        int startedAt = -1;
        double startedIn = 0;
        for (int i = lines.size() - 1; i >= 0 && startedAt < 0; i--) {
            Matcher m = STARTED.matcher(lines.get(i));
            if (m.find()) {
                startedAt = i;
                startedIn = Double.parseDouble(m.group(1));
            }
        }
        if (startedAt < 0) {
            return new StartPhases("?", "?", "?", "not started");
        }
        LocalDateTime zero = time(lines.get(startedAt)).minusNanos((long) (startedIn * 1e9));
        return new StartPhases(last(lines, startedAt, "[org.fly", zero), last(lines, startedAt, "[org.hib", zero),
                last(lines, startedAt, "[io.sma.rea.mes.kafka]", zero), String.format("%.1f", startedIn));
    }

    /** Seconds from {@code zero} to the last line of a log category before the "started" line (of this start). */
    private static String last(List<String> lines, int startedAt, String category, LocalDateTime zero) {
        for (int i = startedAt; i >= 0; i--) {
            String line = lines.get(i);
            if (line.contains(" started in ") && i < startedAt) {
                break; // an earlier start of the same service
            }
            if (line.contains(category)) {
                LocalDateTime t = time(line);
                return t == null ? "?" : String.format("%.1f", Duration.between(zero, t).toMillis() / 1000.0);
            }
        }
        return "—";
    }

    private static LocalDateTime time(String line) {
        try {
            return LocalDateTime.parse(line.substring(0, 23), TIME);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
