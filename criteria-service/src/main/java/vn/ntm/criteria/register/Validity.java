package vn.ntm.criteria.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Versions of one code over time, each a value with an inclusive validity ({@code to} null = open). Laying a value
 * over a period replaces whatever the code meant during that period, keeps the rest, and joins adjacent versions of
 * equal value, so importing the same register twice changes nothing and a unit unchanged across two registers is one
 * version spanning both.
 */
public final class Validity {
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** One stored (id not null) or planned (id null) version. */
    public record Version<V>(Long id, V value, LocalDate from, LocalDate to) {
        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }

        boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
            return (otherTo == null || !from.isAfter(otherTo)) && (to == null || !to.isBefore(otherFrom));
        }

        boolean sameValidity(Version<V> other) {
            return from.equals(other.from) && Objects.equals(to, other.to);
        }
    }

    /** What to write so the stored versions become the wanted ones; {@code updates} keep their ids. */
    public record Plan<V>(List<Version<V>> inserts, List<Version<V>> updates, List<Version<V>> deletes) {
        public boolean isEmpty() {
            return inserts.isEmpty() && updates.isEmpty() && deletes.isEmpty();
        }
    }

    private Validity() {
    }

    /**
     * Lays {@code value} (null: the code means nothing) over {@code from..to} on top of the stored versions of one
     * code.
     */
    public static <V> Plan<V> overlay(List<Version<V>> stored, V value, LocalDate from, LocalDate to) {
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("validity ends before it starts: " + from + ".." + to);
        }
        List<Version<V>> wanted = new ArrayList<>();
        for (Version<V> v : stored) {
            if (!v.overlaps(from, to)) {
                wanted.add(new Version<>(null, v.value(), v.from(), v.to()));
                continue;
            }
            if (v.from().isBefore(from)) {
                wanted.add(new Version<>(null, v.value(), v.from(), from.minusDays(1)));
            }
            if (to != null && (v.to() == null || v.to().isAfter(to))) {
                wanted.add(new Version<>(null, v.value(), to.plusDays(1), v.to()));
            }
        }
        if (value != null) {
            wanted.add(new Version<>(null, value, from, to));
        }
        wanted.sort(Comparator.comparing(Version::from));
        List<Version<V>> joined = new ArrayList<>();
        for (Version<V> v : wanted) {
            Version<V> last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && last.to() != null && last.to().plusDays(1).equals(v.from())
                    && last.value().equals(v.value())) {
                joined.set(joined.size() - 1, new Version<>(null, last.value(), last.from(), v.to()));
            } else {
                joined.add(v);
            }
        }
        return match(stored, joined);
    }

    /** Reuses stored rows where possible: an equal row is left alone, a row starting on the same day or of equal value is updated. */
    private static <V> Plan<V> match(List<Version<V>> stored, List<Version<V>> wanted) {
        List<Version<V>> unused = new ArrayList<>(stored);
        List<Version<V>> open = new ArrayList<>();
        for (Version<V> w : wanted) {
            Version<V> same = unused.stream()
                    .filter(s -> s.value().equals(w.value()) && s.sameValidity(w)).findFirst().orElse(null);
            if (same != null) {
                unused.remove(same);
            } else {
                open.add(w);
            }
        }
        List<Version<V>> inserts = new ArrayList<>();
        List<Version<V>> updates = new ArrayList<>();
        for (Version<V> w : open) {
            Version<V> reuse = unused.stream().filter(s -> s.from().equals(w.from())).findFirst()
                    .or(() -> unused.stream().filter(s -> s.value().equals(w.value()) && s.overlaps(w.from(), w.to()))
                            .findFirst())
                    .orElse(null);
            if (reuse != null) {
                unused.remove(reuse);
                updates.add(new Version<>(reuse.id(), w.value(), w.from(), w.to()));
            } else {
                inserts.add(w);
            }
        }
        return new Plan<>(inserts, updates, unused);
    }
}
