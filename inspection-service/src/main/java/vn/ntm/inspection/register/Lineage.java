package vn.ntm.inspection.register;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A unit's lineage in the register: the unit itself and, transitively, the units it succeeded (Xã Bằng Mạc 06475
 * from 2025-07-01: itself, Xã Gia Lộc 06475 and Xã Thượng Cường 06490 until 2025-06-30, ...). A unit is a code and
 * a validity: another unit that used the same code earlier belongs to the lineage only if the register says it was
 * succeeded by it. Pure: the predecessors of a unit are passed in.
 */
public final class Lineage {
    /** One unit of the lineage; {@code self} for the unit the lineage was asked for. */
    public record Member(RegisterUnit unit, boolean self) {
        /** Whether {@code code} as of {@code registerDate} means this unit. */
        public boolean holds(String code, LocalDate registerDate) {
            return unit.code().equals(code) && unit.validOn(registerDate);
        }
    }

    private final List<Member> members;

    private Lineage(List<Member> members) {
        this.members = List.copyOf(members);
    }

    /** {@code unit} and every unit it succeeded, nearest first; a unit reached twice is listed once. */
    public static Lineage of(RegisterUnit unit, Function<RegisterUnit, List<RegisterUnit>> predecessors) {
        List<Member> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<RegisterUnit> next = new ArrayDeque<>();
        next.add(unit);
        seen.add(key(unit));
        while (!next.isEmpty()) {
            RegisterUnit current = next.poll();
            members.add(new Member(current, current == unit));
            for (RegisterUnit predecessor : predecessors.apply(current)) {
                if (seen.add(key(predecessor))) {
                    next.add(predecessor);
                }
            }
        }
        return new Lineage(members);
    }

    /** A code the register does not know: every row of that code is taken as the unit's own. */
    public static Lineage codeAlone(String code) {
        return new Lineage(List.of(new Member(new RegisterUnit(code, null, null, RegisterUnit.COMMUNE, null, null,
                LocalDate.MIN, null), true)));
    }

    public List<Member> members() {
        return members;
    }

    /** The member that {@code code} meant on {@code registerDate}, if it belongs to the lineage. */
    public Optional<Member> memberHolding(String code, LocalDate registerDate) {
        return members.stream().filter(m -> m.holds(code, registerDate)).findFirst();
    }

    /** The distinct codes of the lineage's units (rows are then matched by code and date). */
    public List<String> codes() {
        return members.stream().map(m -> m.unit().code()).distinct().toList();
    }

    private static String key(RegisterUnit unit) {
        return unit.code() + "@" + unit.validFrom();
    }
}
