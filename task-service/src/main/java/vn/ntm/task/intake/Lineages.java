package vn.ntm.task.intake;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Commune lineages from the register copy's successions of communes: which unit a code meant on a day, which unit
 * holds its work today (the head), and the units of a lineage with their predecessors ({@link OpenWork.Lineage}). A
 * code alone is ambiguous (06475 was Xã Gia Lộc before 2025-07-01 and is Xã Bằng Mạc since), so a unit's key is its
 * code and the date of the succession that made it ({@code 06475@2025-07-01}), or the bare code for a unit no
 * succession made. Without a register copy every code is a lineage of its own. Pure: no I/O.
 */
public final class Lineages {
    /** A succession of the register copy: {@code from} became (part of) {@code to} on {@code effectiveOn}. */
    public record Edge(String from, String to, LocalDate effectiveOn) {
    }

    private static final int MAX_STEPS = 10;
    private final Map<String, List<Edge>> incoming = new HashMap<>();
    private final Map<String, List<Edge>> outgoing = new HashMap<>();

    public Lineages(List<Edge> edges) {
        for (Edge e : edges) {
            incoming.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
            outgoing.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
        }
        Comparator<Edge> order = Comparator.comparing(Edge::effectiveOn).thenComparing(Edge::to)
                .thenComparing(Edge::from);
        incoming.values().forEach(l -> l.sort(order));
        outgoing.values().forEach(l -> l.sort(order));
    }

    /** The unit {@code code} meant on {@code day}. */
    public String unitKey(String code, LocalDate day) {
        LocalDate era = null;
        for (Edge e : incoming.getOrDefault(code, List.of())) {
            if (!e.effectiveOn().isAfter(day) && (era == null || e.effectiveOn().isAfter(era))) {
                era = e.effectiveOn();
            }
        }
        return era == null ? code : code + "@" + era;
    }

    /**
     * The unit that holds today the work of {@code code} as of {@code day}: its successions after that day, followed
     * (the earliest first; of a unit split in several, the lowest code).
     */
    public String head(String code, LocalDate day) {
        String current = code;
        LocalDate on = day;
        String key = unitKey(code, day);
        for (int step = 0; step < MAX_STEPS; step++) {
            Edge next = null;
            for (Edge e : outgoing.getOrDefault(current, List.of())) {
                if (e.effectiveOn().isAfter(on)) {
                    next = e;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            current = next.to();
            on = next.effectiveOn();
            key = current + "@" + on;
        }
        return key;
    }

    /** The code of a unit key. */
    public static String code(String unitKey) {
        int at = unitKey.indexOf('@');
        return at < 0 ? unitKey : unitKey.substring(0, at);
    }

    /** The lineage whose head is {@code head}: the head and every unit that became (part of) it, transitively. */
    public OpenWork.Lineage lineage(String head) {
        Map<String, OpenWork.Unit> units = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>(List.of(head));
        while (!todo.isEmpty() && units.size() < 500) {
            String key = todo.poll();
            if (units.containsKey(key)) {
                continue;
            }
            int at = key.indexOf('@');
            LocalDate from = at < 0 ? null : LocalDate.parse(key.substring(at + 1));
            Set<String> predecessors = new TreeSet<>();
            if (from != null) {
                for (Edge e : incoming.getOrDefault(code(key), List.of())) {
                    if (e.effectiveOn().equals(from)) {
                        predecessors.add(unitKey(e.from(), from.minusDays(1)));
                    }
                }
            }
            units.put(key, new OpenWork.Unit(key, from, List.copyOf(predecessors)));
            todo.addAll(predecessors);
        }
        return new OpenWork.Lineage(head, units);
    }
}
