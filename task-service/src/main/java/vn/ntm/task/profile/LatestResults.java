package vn.ntm.task.profile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The latest result of each criterion of a commune lineage (README "Commune profile"). The criteria are those of the
 * set of the latest visit; for each, the latest visit of that set that <em>assessed</em> it (MET or NOT_MET) gives
 * its result: a follow-up inspection that re-checks only the unmet criteria marks the others NOT_ASSESSED, which
 * erases nothing. Criteria of another set are other criteria (2016-2020 #11 is not 2021-2025 #11) and are not used.
 * Two visits on one day that disagree: NOT_MET stands, as the loop opens work for a gap either names (DOMAIN.md §8).
 * A criterion no visit assessed is NOT_ASSESSED with no inspection. Pure: no I/O.
 */
public final class LatestResults {
    public static final String MET = "MET";
    public static final String NOT_MET = "NOT_MET";
    public static final String NOT_ASSESSED = "NOT_ASSESSED";

    /** What one inspection found about one unit of the lineage: criterion → finding. */
    public record Visit(UUID inspectionId, LocalDate inspectedOn, String communeCode, String criteriaSet,
                        Map<Integer, Finding> findings) {
        public Visit {
            findings = Map.copyOf(findings);
        }
    }

    /** A criterion's result in one visit, with the inspectors' note. */
    public record Finding(String result, String note) {
        boolean assessed() {
            return MET.equals(result) || NOT_MET.equals(result);
        }
    }

    /** A criterion's latest result; {@code inspectionId}, {@code inspectedOn}, {@code communeCode} null if none. */
    public record Latest(int criterion, String result, String note, UUID inspectionId, LocalDate inspectedOn,
                         String communeCode) {
    }

    /** Oldest first; on one day by inspection id, so that the order never depends on how the rows were read. */
    static final Comparator<Visit> ORDER = Comparator.comparing(Visit::inspectedOn)
            .thenComparing(Visit::inspectionId);

    private LatestResults() {
    }

    /** The latest visit (by inspection date), whose set the profile shows. */
    public static Optional<Visit> latest(Collection<Visit> visits) {
        return visits.stream().max(ORDER);
    }

    /**
     * The latest result of each criterion of the latest visit's set: {@code criteria} (the catalog's, in order), or
     * when the catalog copy does not know the set, every criterion the set's visits name.
     */
    public static List<Latest> of(Collection<Visit> visits, Collection<Integer> criteria) {
        Optional<Visit> last = latest(visits);
        if (last.isEmpty()) {
            return criteria.stream().map(LatestResults::none).toList();
        }
        String set = last.get().criteriaSet();
        List<Visit> ofSet = visits.stream().filter(v -> set == null ? v.criteriaSet() == null
                : set.equals(v.criteriaSet())).sorted(ORDER).toList();
        Collection<Integer> numbers = criteria;
        if (numbers.isEmpty()) {
            TreeSet<Integer> named = new TreeSet<>();
            ofSet.forEach(v -> named.addAll(v.findings().keySet()));
            numbers = named;
        }
        List<Latest> out = new ArrayList<>();
        for (int criterion : numbers) {
            Latest latest = none(criterion);
            for (Visit v : ofSet) {
                Finding f = v.findings().get(criterion);
                if (f == null || !f.assessed()) {
                    continue;
                }
                boolean sameDay = v.inspectedOn().equals(latest.inspectedOn());
                if (sameDay && NOT_MET.equals(latest.result()) && MET.equals(f.result())) {
                    continue; // a gap named that day stands
                }
                latest = new Latest(criterion, f.result(), f.note(), v.inspectionId(), v.inspectedOn(),
                        v.communeCode());
            }
            out.add(latest);
        }
        return out;
    }

    private static Latest none(int criterion) {
        return new Latest(criterion, NOT_ASSESSED, null, null, null, null);
    }
}
