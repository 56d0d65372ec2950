package vn.ntm.task.intake;

import vn.ntm.task.rules.CriteriaMapping;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which criteria of which sets are "the same gap" when the loop compares findings across criteria sets (README
 * "Re-inspection"): a criterion matches the same number of the same set, or a criterion the catalog says it
 * continues (transitively); never the same number of another set. Pure: no I/O.
 */
public final class Settlement {
    private Settlement() {
    }

    /** The criteria whose work a finding on {@code set #criterion} settles: itself and what it continues. */
    public static Set<String> matching(String set, int criterion, CriteriaMapping mapping) {
        Set<String> out = new LinkedHashSet<>();
        if (set == null) {
            return out;
        }
        Deque<String> todo = new ArrayDeque<>();
        todo.add(CriteriaMapping.ref(set, criterion));
        while (!todo.isEmpty() && out.size() < 100) {
            String next = todo.poll();
            if (out.add(next)) {
                int hash = next.lastIndexOf('#');
                todo.addAll(mapping.continues(next.substring(0, hash), Integer.parseInt(next.substring(hash + 1))));
            }
        }
        return out;
    }
}
