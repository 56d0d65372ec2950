package vn.ntm.examples.consumer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the consumer knows, in one file written atomically: its copy of the tasks (with the version applied
 * per task), the {@code ce_id}s it has seen, the notices it acted on, and the position it has read each partition of
 * the topic to. Because the positions are saved in the same write as the effects of the records before them, a
 * crash at any point leaves either the state before a batch (the batch is read again and applied to that state) or
 * after it: no effect is lost or repeated.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ConsumerState {
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);
    static final String FILE = "state.json";

    /** One thing this consumer did because of an event or the feed (a real system does its own work here). */
    public record Effect(String ceId, String type, String taskId, long version, String outcome) {
    }

    /** Task id → the copy (its {@code version} is the highest applied). */
    public Map<String, TaskCopy> tasks = new TreeMap<>();
    /** Partition → the offset of the next record to read. */
    public Map<Integer, Long> offsets = new TreeMap<>();
    /** The {@code ce_id}s seen, oldest first, at most {@code seenLimit}. */
    public LinkedHashSet<String> seen = new LinkedHashSet<>();
    /** What was done, oldest first, at most {@code effectLimit} entries. */
    public List<Effect> effects = new ArrayList<>();
    /** The latest change time known (ce_time of events, updatedAt of the feed): where a later catch-up starts. */
    public String highWater;
    /** How many catch-ups from the change feed were made (for operators and tests). */
    public int catchUps;

    int seenLimit = 100_000;
    int effectLimit = 10_000;

    /** The state in {@code directory}, or an empty one (a first start) when there is none. */
    public static ConsumerState load(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), ConsumerState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** True when this {@code ce_id} was seen; otherwise remembers it. */
    boolean seenBefore(String ceId) {
        if (ceId == null || seen.contains(ceId)) {
            return ceId != null;
        }
        seen.add(ceId);
        while (seen.size() > seenLimit) {
            String oldest = seen.iterator().next();
            seen.remove(oldest);
        }
        return false;
    }

    void record(Effect effect) {
        effects.add(effect);
        if (effects.size() > effectLimit) {
            effects.subList(0, effects.size() - effectLimit).clear();
        }
    }

    /** Raises {@link #highWater} to {@code time} (ISO-8601 with offset) when later; an unreadable time is ignored. */
    void raiseHighWater(String time) {
        Instant instant;
        try {
            instant = time == null ? null : OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return;
        }
        if (instant != null && (highWater == null || instant.isAfter(Instant.parse(highWater)))) {
            highWater = instant.toString();
        }
    }

    /**
     * Writes the whole state to a temporary file, forces it to disk, and renames it over the previous one (an atomic
     * rename on POSIX file systems), then forces the directory so the rename itself survives a power loss.
     */
    void save(Path directory) {
        try {
            Files.createDirectories(directory);
            Path tmp = directory.resolve(FILE + ".tmp");
            byte[] bytes = JSON.writeValueAsBytes(this);
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(tmp, directory.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the state directory's file system cannot rename atomically: " + directory, e);
            }
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException ignored) {
                // some platforms (Windows) cannot open a directory; the rename is still atomic there
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the state in " + directory, e);
        }
    }

    /** The effects recorded for one {@code ce_id} (tests: a duplicate adds none). */
    public List<Effect> effectsOf(String ceId) {
        return effects.stream().filter(e -> ceId.equals(e.ceId())).toList();
    }

    Set<Integer> partitions() {
        return offsets.keySet();
    }
}
