package vn.ntm.criteria.sets;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Map;

/**
 * A commune's situation: its region (1..7), whether it is especially disadvantaged or a safe-zone commune (either
 * flag applies region 1 thresholds), the year, and indicator values by indicator code: a boolean for PASS_FAIL
 * (true = met) and ABSENT (true = present), a number for PERCENT_MIN, PERCENT_MAX and VALUE_MIN; any other value
 * (text, object, array) is refused whether or not a threshold applies. With {@code communeCode}, the commune as
 * of {@code on} (default: 31 December of {@code year}) supplies the region (its province's, unless {@code region} is
 * given) and its especially-disadvantaged / safe-zone status from the register (either the request's or the
 * register's flag applies region 1).
 */
public record EvaluationRequest(@Min(1) @Max(7) Integer region, boolean especiallyDisadvantaged,
                                boolean safeZone, @NotNull @Min(1990) @Max(2100) Integer year,
                                @Size(max = 1000) Map<String, Object> values,
                                @Pattern(regexp = "[0-9]{5}", message = "{criteria.field.communeCode}") String communeCode,
                                LocalDate on) {
}
