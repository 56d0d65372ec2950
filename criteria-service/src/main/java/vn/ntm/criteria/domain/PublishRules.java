package vn.ntm.criteria.domain;

import java.util.ArrayList;
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
            out.add(new Violation("periodTo", "must not be before periodFrom (" + set.periodFrom() + ")"));
        }
        if (set.provinceCode() != null && !context.provinceCodes().contains(set.provinceCode())) {
            out.add(new Violation("provinceCode", "unknown province " + set.provinceCode()));
        }
        if (set.baseSet() != null && (set.baseSet().equals(set.code()) || !context.setCodes().contains(set.baseSet()))) {
            out.add(new Violation("baseSet", "unknown base set " + set.baseSet()));
        }
        Set<String> groupCodes = new HashSet<>();
        for (int g = 0; g < set.groups().size(); g++) {
            if (!groupCodes.add(set.groups().get(g).code())) {
                out.add(new Violation("groups[" + g + "].code", "duplicate group code " + set.groups().get(g).code()));
            }
        }
        checkNumbering(set.criteria(), out);
        Set<String> criterionCodes = new HashSet<>();
        Map<String, String> indicatorCodes = new HashMap<>();
        for (int i = 0; i < set.criteria().size(); i++) {
            CriteriaSetDocument.Criterion c = set.criteria().get(i);
            String path = "criteria[" + i + "]";
            if (!criterionCodes.add(c.code())) {
                out.add(new Violation(path + ".code", "duplicate criterion code " + c.code()));
            }
            if (!groupCodes.isEmpty() && (c.group() == null || !groupCodes.contains(c.group()))) {
                out.add(new Violation(path + ".group", "must be one of the set's groups " + new TreeSet<>(groupCodes)));
            }
            if (c.sectors().isEmpty()) {
                out.add(new Violation(path + ".sectors", "a criterion needs at least one responsible sector"));
            }
            checkSectors(c.sectors(), path, context, out);
            Set<String> mapped = new HashSet<>();
            for (int m = 0; m < c.continues().size(); m++) {
                CriteriaSetDocument.CriterionRef ref = c.continues().get(m);
                String mpath = path + ".continues[" + m + "]";
                if (ref.set().equals(set.code()) || !context.setCodes().contains(ref.set())) {
                    out.add(new Violation(mpath + ".set", "unknown set " + ref.set()
                            + " (a criterion continues a criterion of another set)"));
                } else if (!mapped.add(ref.set() + "#" + ref.criterion())) {
                    out.add(new Violation(mpath, "duplicate mapping to " + ref.set() + " #" + ref.criterion()));
                }
            }
            for (int k = 0; k < c.indicators().size(); k++) {
                CriteriaSetDocument.Indicator indicator = c.indicators().get(k);
                String ipath = path + ".indicators[" + k + "]";
                if (indicatorCodes.putIfAbsent(indicator.code(), ipath) != null) {
                    out.add(new Violation(ipath + ".code", "duplicate indicator code " + indicator.code()));
                }
                checkSectors(indicator.sectors(), ipath, context, out);
                Set<String> applies = new HashSet<>();
                for (int t = 0; t < indicator.thresholds().size(); t++) {
                    CriteriaSetDocument.Threshold threshold = indicator.thresholds().get(t);
                    String tpath = ipath + ".thresholds[" + t + "]";
                    out.addAll(checkThreshold(threshold, tpath));
                    if (!applies.add(threshold.region() + "/" + threshold.year())) {
                        out.add(new Violation(tpath, "another threshold already applies to region "
                                + (threshold.region() == null ? "all" : threshold.region()) + " and year "
                                + (threshold.year() == null ? "all" : threshold.year())));
                    }
                }
            }
        }
        return out;
    }

    /** The rules one threshold must satisfy on its own (also checked when a threshold is added to a draft). */
    public static List<Violation> checkThreshold(CriteriaSetDocument.Threshold t, String path) {
        List<Violation> out = new ArrayList<>();
        if (t.region() != null && (t.region() < 1 || t.region() > REGIONS)) {
            out.add(new Violation(path + ".region", "unknown region " + t.region() + "; regions are 1.." + REGIONS
                    + " or null for all regions"));
        }
        if (t.year() != null && (t.year() < 1990 || t.year() > 2100)) {
            out.add(new Violation(path + ".year", "must be a year between 1990 and 2100"));
        }
        ThresholdKind kind = ThresholdKind.parse(t.kind()).orElse(null);
        if (kind == null) {
            out.add(new Violation(path + ".kind", "unknown kind " + t.kind() + "; one of PASS_FAIL, ABSENT,"
                    + " PERCENT_MIN, PERCENT_MAX, VALUE_MIN"));
            return out;
        }
        if (kind.numeric() && t.value() == null) {
            out.add(new Violation(path + ".value", kind + " needs a value"));
        }
        if (!kind.numeric() && t.value() != null) {
            out.add(new Violation(path + ".value", kind + " takes no value"));
        }
        if ((kind == ThresholdKind.PERCENT_MIN || kind == ThresholdKind.PERCENT_MAX) && t.value() != null
                && (t.value().signum() < 0 || t.value().compareTo(java.math.BigDecimal.valueOf(100)) > 0)) {
            out.add(new Violation(path + ".value", "a percentage is between 0 and 100"));
        }
        if (kind == ThresholdKind.VALUE_MIN && (t.unit() == null || t.unit().isBlank())) {
            out.add(new Violation(path + ".unit", "VALUE_MIN needs a unit"));
        }
        return out;
    }

    private static void checkNumbering(List<CriteriaSetDocument.Criterion> criteria, List<Violation> out) {
        if (criteria.isEmpty()) {
            out.add(new Violation("criteria", "a set needs at least one criterion"));
            return;
        }
        int n = criteria.size();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Integer number = criteria.get(i).number();
            if (number < 1 || number > n) {
                out.add(new Violation("criteria[" + i + "].number", "criteria are numbered 1.." + n + "; got " + number));
            } else if (!seen.add(number)) {
                out.add(new Violation("criteria[" + i + "].number", "duplicate criterion number " + number));
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            if (!seen.contains(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            out.add(new Violation("criteria", "criteria must be numbered 1.." + n + " without gaps; missing " + missing));
        }
    }

    private static void checkSectors(List<String> sectors, String path, Context context, List<Violation> out) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < sectors.size(); j++) {
            String code = sectors.get(j);
            if (!context.sectorCodes().contains(code)) {
                out.add(new Violation(path + ".sectors[" + j + "]", "unknown sector " + code));
            } else if (!seen.add(code)) {
                out.add(new Violation(path + ".sectors[" + j + "]", "duplicate sector " + code));
            }
        }
    }
}
