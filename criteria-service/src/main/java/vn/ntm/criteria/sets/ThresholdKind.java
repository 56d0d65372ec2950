package vn.ntm.criteria.sets;

import java.util.Arrays;
import java.util.Optional;

/**
 * How an indicator value is judged: pass/fail ("Đạt"), must be absent ("Không"), percentage at least / at most,
 * value at least (with a unit, e.g. million VND per person per year).
 */
public enum ThresholdKind {
    PASS_FAIL(false), ABSENT(false), PERCENT_MIN(true), PERCENT_MAX(true), VALUE_MIN(true);

    private final boolean numeric;

    ThresholdKind(boolean numeric) {
        this.numeric = numeric;
    }

    public boolean numeric() {
        return numeric;
    }

    public static Optional<ThresholdKind> parse(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }
}
