package vn.ntm.criteria.sets;

import org.junit.jupiter.api.Test;
import vn.ntm.criteria.shared.Violation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ntm.criteria.sets.Evaluator.Result.MET;
import static vn.ntm.criteria.sets.Evaluator.Result.NOT_MET;
import static vn.ntm.criteria.sets.Evaluator.Result.UNKNOWN;

class EvaluatorTest {
    static final CriteriaSetDocument SET = new CriteriaSetDocument("T", "Bộ thử", Level.COMMUNE, Tier.NTM, 2021, 2025,
            null, null, null, List.of(), List.of(
            new CriteriaSetDocument.Criterion(1, "1", "Giao thông", null, null, List.of("GTVT"), List.of(
                    indicator("1.1", threshold(1, null, "PERCENT_MIN", "50", null),
                            threshold(null, null, "PERCENT_MIN", "80", null)),
                    indicator("1.2", threshold(null, null, "PASS_FAIL", null, null)))),
            new CriteriaSetDocument.Criterion(2, "2", "Thu nhập", null, null, List.of("NNPTNT"), List.of(
                    indicator("2.1", threshold(null, 2022, "VALUE_MIN", "39", "triệu đồng/người/năm"),
                            threshold(null, 2025, "VALUE_MIN", "48", "triệu đồng/người/năm")))),
            new CriteriaSetDocument.Criterion(3, "3", "Môi trường", null, null, List.of("TNMT"), List.of(
                    indicator("3.1", threshold(null, null, "ABSENT", null, null)),
                    indicator("3.2", threshold(null, null, "PERCENT_MAX", "5", null)))),
            new CriteriaSetDocument.Criterion(4, "4", "Quy hoạch", null, null, List.of("XD"), List.of())));

    static CriteriaSetDocument.Indicator indicator(String code, CriteriaSetDocument.Threshold... thresholds) {
        return new CriteriaSetDocument.Indicator(code, "Chỉ tiêu " + code, List.of(), List.of(thresholds));
    }

    static CriteriaSetDocument.Threshold threshold(Integer region, Integer year, String kind, String value,
                                                   String unit) {
        return new CriteriaSetDocument.Threshold(region, year, kind, value == null ? null : new BigDecimal(value), unit);
    }

    static Evaluator.Evaluation evaluate(int region, boolean disadvantaged, boolean safeZone, int year,
                                         Map<String, Object> values) {
        return Evaluator.evaluate(SET, new Evaluator.Input(region, disadvantaged, safeZone, year, values));
    }

    static Evaluator.Result resultOf(Evaluator.Evaluation e, int number) {
        return e.criteria().stream().filter(c -> c.number() == number).findFirst().orElseThrow().result();
    }

    @Test
    void criterionIsMetWhenAllItsIndicatorsAreMet() {
        Evaluator.Evaluation e = evaluate(2, false, false, 2022, Map.of("1.1", 85, "1.2", true, "2.1", 40,
                "3.1", false, "3.2", 4.5));

        assertThat(e.criteria()).extracting(Evaluator.CriterionResult::result)
                .containsExactly(MET, MET, MET, UNKNOWN);
        assertThat(e.met()).isEqualTo(3);
        assertThat(e.total()).isEqualTo(4);
        assertThat(e.violations()).isEmpty();
    }

    @Test
    void oneUnmetIndicatorFailsTheCriterion() {
        Evaluator.Evaluation e = evaluate(2, false, false, 2022, Map.of("1.1", 60, "1.2", true, "3.1", true,
                "3.2", 5));

        assertThat(resultOf(e, 1)).isEqualTo(NOT_MET);
        assertThat(resultOf(e, 3)).isEqualTo(NOT_MET);
        assertThat(e.met()).isZero();
    }

    @Test
    void especiallyDisadvantagedOrSafeZoneCommunesUseRegionOneThresholds() {
        Map<String, Object> values = Map.of("1.1", 60, "1.2", true);

        assertThat(resultOf(evaluate(6, false, false, 2022, values), 1)).isEqualTo(NOT_MET);
        assertThat(resultOf(evaluate(6, true, false, 2022, values), 1)).isEqualTo(MET);
        assertThat(resultOf(evaluate(6, false, true, 2022, values), 1)).isEqualTo(MET);
        assertThat(evaluate(6, false, true, 2022, values).effectiveRegion()).isEqualTo(1);
    }

    @Test
    void missingValueOrMissingThresholdIsUnknown() {
        Evaluator.Evaluation noValue = evaluate(2, false, false, 2022, Map.of("1.1", 90));
        Evaluator.Evaluation beforeAnyYear = evaluate(2, false, false, 2021, Map.of("2.1", 100));

        assertThat(noValue.criteria().get(0).indicators()).extracting(Evaluator.IndicatorResult::result)
                .containsExactly(MET, UNKNOWN);
        assertThat(resultOf(noValue, 1)).isEqualTo(UNKNOWN);
        assertThat(resultOf(beforeAnyYear, 2)).isEqualTo(UNKNOWN);
    }

    @Test
    void theLatestYearNotAfterTheEvaluatedYearApplies() {
        assertThat(resultOf(evaluate(2, false, false, 2024, Map.of("2.1", 45)), 2)).isEqualTo(MET);
        assertThat(resultOf(evaluate(2, false, false, 2025, Map.of("2.1", 45)), 2)).isEqualTo(NOT_MET);
    }

    @Test
    void reportsUnknownIndicatorsAndValuesOfTheWrongType() {
        Evaluator.Evaluation e = evaluate(2, false, false, 2022, Map.of("1.1", true, "9.9", 1));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("values.1.1", "values.9.9");
    }

    @Test
    void refusesTextObjectsAndNonFiniteNumbersEvenWithoutAnApplicableThreshold() {
        // 2.1 has no threshold before 2022, so only the shape of the value can be judged in 2021
        Evaluator.Evaluation e = evaluate(2, false, false, 2021, Map.of("2.1", "not-a-boolean", "1.2", Map.of(),
                "3.2", Double.POSITIVE_INFINITY, "3.1", 0));

        assertThat(e.violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("values.2.1", "values.1.2", "values.3.2");
    }

    @Test
    void namesOverlongUnknownCodesWithoutEchoingThem() {
        Evaluator.Evaluation e = evaluate(2, false, false, 2022, Map.of("9".repeat(41), 1));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("values");
    }
}
