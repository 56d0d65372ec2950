package vn.ntm.criteria.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * A commune's situation: its region (1..7), whether it is especially disadvantaged or a safe-zone commune (either
 * flag applies region 1 thresholds), the year, and indicator values by indicator code: a boolean for PASS_FAIL
 * (true = met) and ABSENT (true = present), a number for PERCENT_MIN, PERCENT_MAX and VALUE_MIN; any other value
 * (text, object, array) is refused whether or not a threshold applies.
 */
public record EvaluationRequest(@NotNull @Min(1) @Max(7) Integer region, boolean especiallyDisadvantaged,
                                boolean safeZone, @NotNull @Min(1990) @Max(2100) Integer year,
                                @Size(max = 1000) Map<String, Object> values) {
}
