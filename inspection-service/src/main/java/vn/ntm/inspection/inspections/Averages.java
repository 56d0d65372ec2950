package vn.ntm.inspection.inspections;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Inspection-level figures computed from the commune summaries, and the one the notice states. They answer different
 * questions: the notice's average (10.11 criteria per commune in the seed) is over the district's communes, the
 * computed one over the communes this inspection recorded findings of; both are shown, each with its basis.
 */
public final class Averages {
    /** The basis of {@link #metPerCommune}: the communes of the inspection. */
    public static final String INSPECTED_COMMUNES = "INSPECTED_COMMUNES";
    /** The name of the stated figure that is the notice's average of criteria met per commune. */
    public static final String STATED_AVERAGE = "averageCriteriaMetPerCommune";

    /** Average number of criteria met per commune, two decimals (half up), like the figures notices state. */
    public static BigDecimal metPerCommune(List<CommuneSummary> communes) {
        if (communes.isEmpty()) {
            return null;
        }
        int met = communes.stream().mapToInt(CommuneSummary::met).sum();
        return BigDecimal.valueOf(met).divide(BigDecimal.valueOf(communes.size()), 2, RoundingMode.HALF_UP);
    }

    /** The notice's average as stated (not rounded, not recomputed), or null. */
    public static BigDecimal statedMetPerCommune(Map<String, BigDecimal> statedFigures) {
        return statedFigures == null ? null : statedFigures.get(STATED_AVERAGE);
    }

    private Averages() {
    }
}
