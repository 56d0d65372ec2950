package vn.ntm.task.rules;

import java.util.List;
import java.util.Optional;

/**
 * Who leads (chủ trì) and who cooperates (phối hợp) on a criterion of a set, as the catalog marks it. Pure lookup;
 * task-service fills it from its copy of the catalog ({@code ntm.criteria-set.published}).
 */
@FunctionalInterface
public interface CriterionRoles {
    /** The catalog knows nothing: the finding's sectors, lead first, decide. */
    CriterionRoles NONE = (set, criterion) -> Optional.empty();

    Optional<Roles> of(String set, int criterion);

    /** A lead sector code and the cooperating sector codes (never the lead again). */
    record Roles(String lead, List<String> cooperating) {
        public Roles {
            cooperating = cooperating == null ? List.of()
                    : cooperating.stream().filter(s -> s != null && !s.equals(lead)).distinct().toList();
        }

        /** From a lead-first sector list (the catalog's and the finding's order); empty list → no lead. */
        public static Optional<Roles> leadFirst(List<String> sectors) {
            if (sectors == null || sectors.isEmpty() || sectors.get(0) == null) {
                return Optional.empty();
            }
            return Optional.of(new Roles(sectors.get(0), sectors.subList(1, sectors.size())));
        }
    }
}
