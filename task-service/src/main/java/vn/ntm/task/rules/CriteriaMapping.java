package vn.ntm.task.rules;

import java.util.Set;

/**
 * The catalog's explicit mapping between sets: the criteria ({@link #ref} {@code <set>#<number>}) a criterion
 * continues. Pure lookup; task-service fills it from its copy of the catalog ({@code ntm.criteria-set.published}).
 */
@FunctionalInterface
public interface CriteriaMapping {
    CriteriaMapping NONE = (set, criterion) -> Set.of();

    Set<String> continues(String set, int criterion);

    /** A criterion of a set as the catalog names it: {@code <set>#<number>}. */
    static String ref(String set, int criterion) {
        return set + "#" + criterion;
    }
}
