package vn.ntm.inspection.inspections;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Inspection-level figures computed from the commune summaries. */
public final class Averages {

    /** Average number of criteria met per commune, two decimals (half up), like the figures notices state. */
    public static BigDecimal metPerCommune(List<CommuneSummary> communes) {
        if (communes.isEmpty()) {
            return null;
        }
        int met = communes.stream().mapToInt(CommuneSummary::met).sum();
        return BigDecimal.valueOf(met).divide(BigDecimal.valueOf(communes.size()), 2, RoundingMode.HALF_UP);
    }

    private Averages() {
    }
}
