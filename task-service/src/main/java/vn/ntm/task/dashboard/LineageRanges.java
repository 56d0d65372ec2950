package vn.ntm.task.dashboard;

import vn.ntm.task.intake.Lineages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The register codes and dates whose results count for each commune of a dashboard: the commune as it is on the
 * dashboard's day and every unit it succeeded (its lineage, {@link Lineages}), each as a code and the range of register
 * dates ({@code units_as_of}) during which the code meant that unit: from the succession that made the unit to the
 * next succession into the same code (codes are reused: 06475 was Xã Gia Lộc before 2025-07-01, is Xã Bằng Mạc since).
 * A visit or task belongs to a commune when its code and register date fall in one of its ranges. Pure: no I/O.
 */
public final class LineageRanges {
    /** Results of {@code code} recorded with a register date in [{@code from}, {@code to}) count for {@code head}. */
    public record Member(String head, String code, LocalDate from, LocalDate to) {
    }

    private LineageRanges() {
    }

    /** The members of each commune code of {@code communes} (units valid on {@code at}), in commune order. */
    public static List<Member> of(List<String> communes, LocalDate at, List<Lineages.Edge> edges) {
        Lineages register = new Lineages(edges);
        List<Member> out = new ArrayList<>();
        for (String commune : communes) {
            for (var unit : register.lineage(register.unitKey(commune, at)).units().values()) {
                String code = Lineages.code(unit.key());
                LocalDate from = unit.validFrom();
                LocalDate to = null;
                for (Lineages.Edge e : edges) {
                    if (e.to().equals(code) && (from == null || e.effectiveOn().isAfter(from))
                            && (to == null || e.effectiveOn().isBefore(to))) {
                        to = e.effectiveOn();
                    }
                }
                out.add(new Member(commune, code, from, to));
            }
        }
        return out;
    }
}
