package vn.ntm.criteria.sets;

import vn.ntm.criteria.shared.Violation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a commune's indicator values against a set. An especially disadvantaged or safe-zone commune uses the
 * region-1 thresholds wherever it lies. For each indicator the most specific threshold applies: one for the
 * commune's region before one for all regions, then the latest year not after the evaluated year before a
 * yearless one. No value or no applicable threshold gives UNKNOWN. A criterion is met when all its indicators are
 * met; it is not met when any is not met; otherwise (including a criterion without indicators) unknown.
 */
public final class Evaluator {
    private static final int MAX_CODE = 40;

    public enum Result { MET, NOT_MET, UNKNOWN }

    /** Values: indicator code → boolean (PASS_FAIL: passed; ABSENT: present) or number (percent, value). */
    public record Input(int region, boolean especiallyDisadvantaged, boolean safeZone, int year,
                        Map<String, Object> values) {
        public int effectiveRegion() {
            return especiallyDisadvantaged || safeZone ? 1 : region;
        }
    }

    public record IndicatorResult(String code, String name, Result result, Object value,
                                  CriteriaSetDocument.Threshold threshold) {
    }

    public record CriterionResult(int number, String code, String name, Result result, boolean met,
                                  List<IndicatorResult> indicators) {
    }

    public record Evaluation(int effectiveRegion, int year, List<CriterionResult> criteria, int met, int notMet,
                             int unknown, int total, List<Violation> violations) {
    }

    private Evaluator() {
    }

    public static Evaluation evaluate(CriteriaSetDocument set, Input input) {
        int region = input.effectiveRegion();
        Map<String, Object> values = input.values() == null ? Map.of() : input.values();
        List<Violation> violations = new ArrayList<>();
        Set<String> known = new HashSet<>();
        List<CriterionResult> criteria = new ArrayList<>();
        for (CriteriaSetDocument.Criterion c : set.criteria().stream()
                .sorted(Comparator.comparing(CriteriaSetDocument.Criterion::number)).toList()) {
            List<IndicatorResult> indicators = new ArrayList<>();
            for (CriteriaSetDocument.Indicator indicator : c.indicators()) {
                known.add(indicator.code());
                Object value = values.get(indicator.code());
                Optional<CriteriaSetDocument.Threshold> threshold = applicable(indicator.thresholds(), region,
                        input.year());
                Result result = Result.UNKNOWN;
                if (value != null && !wellFormed(value)) {
                    violations.add(Violation.of("values." + indicator.code(), "criteria.evaluate.value"));
                } else if (value != null && threshold.isPresent()) {
                    result = judge(value, threshold.get(), "values." + indicator.code(), violations);
                }
                indicators.add(new IndicatorResult(indicator.code(), indicator.name(), result, value,
                        threshold.orElse(null)));
            }
            Result result = combine(indicators);
            criteria.add(new CriterionResult(c.number(), c.code(), c.name(), result, result == Result.MET,
                    indicators));
        }
        values.keySet().stream().filter(code -> !known.contains(code)).sorted()
                .forEach(code -> violations.add(code.length() > MAX_CODE
                        ? Violation.of("values", "criteria.evaluate.codeLength", MAX_CODE)
                        : Violation.of("values." + code, "criteria.evaluate.noIndicator", code, set.code())));
        return new Evaluation(region, input.year(), criteria, count(criteria, Result.MET),
                count(criteria, Result.NOT_MET), count(criteria, Result.UNKNOWN), criteria.size(), violations);
    }

    /** Whatever the threshold, a value is a boolean or a number (never text, an object or an array). */
    private static boolean wellFormed(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d);
        }
        if (value instanceof Float f) {
            return Float.isFinite(f);
        }
        return value instanceof Boolean || value instanceof Number;
    }

    static Optional<CriteriaSetDocument.Threshold> applicable(List<CriteriaSetDocument.Threshold> thresholds,
                                                            int region, int year) {
        return thresholds.stream()
                .filter(t -> t.region() == null || t.region() == region)
                .filter(t -> t.year() == null || t.year() <= year)
                .max(Comparator.<CriteriaSetDocument.Threshold, Boolean>comparing(t -> t.region() != null)
                        .thenComparing(t -> t.year() == null ? Integer.MIN_VALUE : t.year()));
    }

    private static Result judge(Object value, CriteriaSetDocument.Threshold t, String field, List<Violation> out) {
        ThresholdKind kind = ThresholdKind.parse(t.kind()).orElse(null);
        if (kind == null) {
            return Result.UNKNOWN;
        }
        switch (kind) {
            case PASS_FAIL -> {
                if (value instanceof Boolean passed) {
                    return passed ? Result.MET : Result.NOT_MET;
                }
                out.add(Violation.of(field, "criteria.evaluate.passFail"));
                return Result.UNKNOWN;
            }
            case ABSENT -> {
                if (value instanceof Boolean present) {
                    return present ? Result.NOT_MET : Result.MET;
                }
                if (value instanceof Number count) {
                    return number(count).signum() == 0 ? Result.MET : Result.NOT_MET;
                }
                out.add(Violation.of(field, "criteria.evaluate.absent"));
                return Result.UNKNOWN;
            }
            default -> {
                if (!(value instanceof Number n)) {
                    out.add(Violation.of(field, "criteria.evaluate.number", PublishRules.label(kind)));
                    return Result.UNKNOWN;
                }
                if (t.value() == null) {
                    return Result.UNKNOWN;
                }
                int cmp = number(n).compareTo(t.value());
                boolean met = kind == ThresholdKind.PERCENT_MAX ? cmp <= 0 : cmp >= 0;
                return met ? Result.MET : Result.NOT_MET;
            }
        }
    }

    private static BigDecimal number(Number n) {
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }

    private static Result combine(List<IndicatorResult> indicators) {
        if (indicators.isEmpty()) {
            return Result.UNKNOWN;
        }
        if (indicators.stream().anyMatch(i -> i.result() == Result.NOT_MET)) {
            return Result.NOT_MET;
        }
        return indicators.stream().allMatch(i -> i.result() == Result.MET) ? Result.MET : Result.UNKNOWN;
    }

    private static int count(List<CriterionResult> criteria, Result result) {
        return (int) criteria.stream().filter(c -> c.result() == result).count();
    }
}
