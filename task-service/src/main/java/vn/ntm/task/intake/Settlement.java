package vn.ntm.task.intake;

import vn.ntm.task.rules.CriteriaMapping;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * How a finalized inspection settles the open tasks of earlier inspections (DOMAIN.md §7, README "Re-inspection"):
 * per commune and criterion, {@code MET} → the open tasks are done, verified by this inspection; {@code NOT_MET} →
 * the open tasks continue under this inspection (linked, its deadline if it sets one) and the rules' new tasks of
 * the same kind are not created again; {@code NOT_ASSESSED} → nothing. A criterion matches the same number of the
 * same set, or a criterion the catalog says it continues (transitively); never the same number of another set.
 * Pure: no I/O.
 */
public final class Settlement {
    public static final String MET = "MET";
    public static final String NOT_MET = "NOT_MET";

    private Settlement() {
    }

    /** A finding of the new inspection: its commune, the set it was judged under, criterion and result. */
    public record Finding(String communeCode, String set, int criterion, String criterionName, String result,
                          LocalDate deadline) {
    }

    /** An open task of an earlier inspection about a commune and criterion. */
    public record OpenTask(UUID id, String communeCode, String set, int criterion, String ruleCode) {
    }

    public record Settle(OpenTask task, Finding finding) {
    }

    public record Link(OpenTask task, Finding finding) {
    }

    /**
     * What to do. {@code suppressed} holds {@link #key} of the new tasks not to create: a task of that rule is
     * still open for the commune and criterion.
     */
    public record Plan(List<Settle> settled, List<Link> linked, Set<String> suppressed) {
        public boolean isEmpty() {
            return settled.isEmpty() && linked.isEmpty();
        }
    }

    /**
     * @param earlierCodes per commune code of the new inspection, the codes its open work may carry: the code
     *                     itself and the communes it succeeded (the register's successions)
     */
    public static Plan plan(List<Finding> findings, List<OpenTask> open, Map<String, Set<String>> earlierCodes,
                            CriteriaMapping mapping) {
        List<Settle> settled = new ArrayList<>();
        List<Link> linked = new ArrayList<>();
        Set<String> suppressed = new LinkedHashSet<>();
        Set<UUID> taken = new LinkedHashSet<>();
        for (Finding f : findings) {
            boolean met = MET.equals(f.result());
            if (!met && !NOT_MET.equals(f.result())) {
                continue; // NOT_ASSESSED (or unknown): the earlier work stays as it is
            }
            Set<String> codes = earlierCodes.getOrDefault(f.communeCode(), Set.of(f.communeCode()));
            Set<String> criteria = matching(f.set(), f.criterion(), mapping);
            for (OpenTask t : open) {
                if (!codes.contains(t.communeCode()) || t.set() == null
                        || !criteria.contains(CriteriaMapping.ref(t.set(), t.criterion())) || !taken.add(t.id())) {
                    continue;
                }
                if (met) {
                    settled.add(new Settle(t, f));
                } else {
                    linked.add(new Link(t, f));
                    suppressed.add(key(f.communeCode(), f.criterion(), t.ruleCode()));
                }
            }
        }
        return new Plan(List.copyOf(settled), List.copyOf(linked), Set.copyOf(suppressed));
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

    /** The key of a new task the plan suppresses: commune, criterion and rule code. */
    public static String key(String communeCode, Integer criterion, String ruleCode) {
        return communeCode + "|" + criterion + "|" + ruleCode;
    }
}
