package vn.ntm.criteria.sets;

import vn.ntm.criteria.shared.Violation;
import vn.ntm.platform.i18n.LocalizedText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a set must satisfy before it is published: criteria numbered 1..N without gaps, unique codes, every
 * criterion with at least one known sector, known groups, thresholds of a known region and kind. Every violation
 * is reported at once, each with its JSON path in the set document.
 */
public final class PublishRules {
    public static final int REGIONS = 7;

    /** What the rules need to know about the rest of the catalog. */
    public record Context(Set<String> sectorCodes, Set<String> provinceCodes, Set<String> setCodes) {
    }

    private PublishRules() {
    }

    public static List<Violation> check(CriteriaSetDocument set, Context context) {
        List<Violation> out = new ArrayList<>();
        if (set.periodFrom() != null && set.periodTo() != null && set.periodFrom() > set.periodTo()) {
            out.add(Violation.of("periodTo", "criteria.publish.periodTo", String.valueOf(set.periodFrom())));
        }
        if (set.provinceCode() != null && !context.provinceCodes().contains(set.provinceCode())) {
            out.add(Violation.of("provinceCode", "criteria.publish.province", set.provinceCode()));
        }
        if (set.baseSet() != null && (set.baseSet().equals(set.code()) || !context.setCodes().contains(set.baseSet()))) {
            out.add(Violation.of("baseSet", "criteria.publish.baseSet", set.baseSet()));
        }
        Set<String> groupCodes = new HashSet<>();
        for (int g = 0; g < set.groups().size(); g++) {
            if (!groupCodes.add(set.groups().get(g).code())) {
                out.add(Violation.of("groups[" + g + "].code", "criteria.publish.groupTwice", set.groups().get(g).code()));
            }
        }
        checkNumbering(set.criteria(), out);
        Set<String> criterionCodes = new HashSet<>();
        Map<String, String> indicatorCodes = new HashMap<>();
        for (int i = 0; i < set.criteria().size(); i++) {
            CriteriaSetDocument.Criterion c = set.criteria().get(i);
            String path = "criteria[" + i + "]";
            if (!criterionCodes.add(c.code())) {
                out.add(Violation.of(path + ".code", "criteria.publish.criterionCodeTwice", c.code()));
            }
            if (!groupCodes.isEmpty() && (c.group() == null || !groupCodes.contains(c.group()))) {
                out.add(Violation.of(path + ".group", "criteria.publish.group", new TreeSet<>(groupCodes)));
            }
            if (c.sectors().isEmpty()) {
                out.add(Violation.of(path + ".sectors", "criteria.publish.sectorRequired"));
            }
            checkSectors(c.sectors(), path, context, out);
            Set<String> mapped = new HashSet<>();
            for (int m = 0; m < c.continues().size(); m++) {
                CriteriaSetDocument.CriterionRef ref = c.continues().get(m);
                String mpath = path + ".continues[" + m + "]";
                if (ref.set().equals(set.code()) || !context.setCodes().contains(ref.set())) {
                    out.add(Violation.of(mpath + ".set", "criteria.publish.continuesSet", ref.set()));
                } else if (!mapped.add(ref.set() + "#" + ref.criterion())) {
                    out.add(Violation.of(mpath, "criteria.publish.continuesTwice", ref.set(), ref.criterion()));
                }
            }
            for (int k = 0; k < c.indicators().size(); k++) {
                CriteriaSetDocument.Indicator indicator = c.indicators().get(k);
                String ipath = path + ".indicators[" + k + "]";
                if (indicatorCodes.putIfAbsent(indicator.code(), ipath) != null) {
                    out.add(Violation.of(ipath + ".code", "criteria.publish.indicatorTwice", indicator.code()));
                }
                checkSectors(indicator.sectors(), ipath, context, out);
                Set<String> applies = new HashSet<>();
                for (int t = 0; t < indicator.thresholds().size(); t++) {
                    CriteriaSetDocument.Threshold threshold = indicator.thresholds().get(t);
                    String tpath = ipath + ".thresholds[" + t + "]";
                    out.addAll(checkThreshold(threshold, tpath));
                    if (!applies.add(threshold.region() + "/" + threshold.year())) {
                        out.add(Violation.of(tpath, "criteria.publish.thresholdTwice",
                                threshold.region() == null ? LocalizedText.of("criteria.all") : threshold.region(),
                                threshold.year() == null ? LocalizedText.of("criteria.all") : threshold.year()));
                    }
                }
            }
        }
        return out;
    }

    /** The name people read for a kind of threshold. */
    static LocalizedText label(ThresholdKind kind) {
        return LocalizedText.of("criteria.thresholdKind." + kind.name());
    }

    /** The rules one threshold must satisfy on its own (also checked when a threshold is added to a draft). */
    public static List<Violation> checkThreshold(CriteriaSetDocument.Threshold t, String path) {
        List<Violation> out = new ArrayList<>();
        if (t.region() != null && (t.region() < 1 || t.region() > REGIONS)) {
            out.add(Violation.of(path + ".region", "criteria.threshold.region", t.region(), REGIONS));
        }
        if (t.year() != null && (t.year() < 1990 || t.year() > 2100)) {
            out.add(Violation.of(path + ".year", "criteria.threshold.year"));
        }
        ThresholdKind kind = ThresholdKind.parse(t.kind()).orElse(null);
        if (kind == null) {
            out.add(Violation.of(path + ".kind", "criteria.threshold.kind", t.kind(),
                    Arrays.stream(ThresholdKind.values()).map(Enum::name).toList()));
            return out;
        }
        if (kind.numeric() && t.value() == null) {
            out.add(Violation.of(path + ".value", "criteria.threshold.valueRequired", label(kind)));
        }
        if (!kind.numeric() && t.value() != null) {
            out.add(Violation.of(path + ".value", "criteria.threshold.noValue", label(kind)));
        }
        if ((kind == ThresholdKind.PERCENT_MIN || kind == ThresholdKind.PERCENT_MAX) && t.value() != null
                && (t.value().signum() < 0 || t.value().compareTo(java.math.BigDecimal.valueOf(100)) > 0)) {
            out.add(Violation.of(path + ".value", "criteria.threshold.percent"));
        }
        if (kind == ThresholdKind.VALUE_MIN && (t.unit() == null || t.unit().isBlank())) {
            out.add(Violation.of(path + ".unit", "criteria.threshold.unit"));
        }
        return out;
    }

    private static void checkNumbering(List<CriteriaSetDocument.Criterion> criteria, List<Violation> out) {
        if (criteria.isEmpty()) {
            out.add(Violation.of("criteria", "criteria.publish.criterionRequired"));
            return;
        }
        int n = criteria.size();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Integer number = criteria.get(i).number();
            if (number < 1 || number > n) {
                out.add(Violation.of("criteria[" + i + "].number", "criteria.publish.numberRange", n, number));
            } else if (!seen.add(number)) {
                out.add(Violation.of("criteria[" + i + "].number", "criteria.publish.numberTwice", number));
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            if (!seen.contains(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            out.add(Violation.of("criteria", "criteria.publish.numberGaps", n, missing));
        }
    }

    private static void checkSectors(List<String> sectors, String path, Context context, List<Violation> out) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < sectors.size(); j++) {
            String code = sectors.get(j);
            if (!context.sectorCodes().contains(code)) {
                out.add(Violation.of(path + ".sectors[" + j + "]", "criteria.publish.sectorUnknown", code));
            } else if (!seen.add(code)) {
                out.add(Violation.of(path + ".sectors[" + j + "]", "criteria.publish.sectorTwice", code));
            }
        }
    }
}
