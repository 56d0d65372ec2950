package vn.ntm.criteria.sets;

import org.junit.jupiter.api.Test;
import vn.ntm.criteria.shared.Violation;
import vn.ntm.platform.i18n.Messages;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PublishRulesTest {
    private static final PublishRules.Context CONTEXT = new PublishRules.Context(
            Set.of("XD", "GTVT", "TNMT", "YT"), Set.of("20"), Set.of("XA_NTM_2021_2025"));

    static CriteriaSetDocument.Criterion criterion(int number, String code, String group, List<String> sectors,
                                                   CriteriaSetDocument.Indicator... indicators) {
        return new CriteriaSetDocument.Criterion(number, code, "Tiêu chí " + code, null, group, sectors,
                List.of(indicators));
    }

    static CriteriaSetDocument set(List<CriteriaSetDocument.Criterion> criteria) {
        return new CriteriaSetDocument("T", "Bộ thử", Level.COMMUNE, Tier.NTM, 2021, 2025, null, null, null,
                List.of(new CriteriaSetDocument.Group("I", "Nhóm I", 1)), criteria);
    }

    @Test
    void acceptsACompleteSet() {
        CriteriaSetDocument set = set(List.of(
                criterion(1, "1", "I", List.of("XD")),
                criterion(2, "2", "I", List.of("GTVT"), new CriteriaSetDocument.Indicator("2.1", "Đường", List.of(),
                        List.of(new CriteriaSetDocument.Threshold(1, null, "PERCENT_MIN", new BigDecimal("70"), null),
                                new CriteriaSetDocument.Threshold(null, null, "PERCENT_MIN", new BigDecimal("90"), null))))));

        assertThat(PublishRules.check(set, CONTEXT)).isEmpty();
    }

    @Test
    void aCriterionContinuesOnlyCriteriaOfAnotherKnownSetEachOnce() {
        CriteriaSetDocument.CriterionRef old = new CriteriaSetDocument.CriterionRef("XA_NTM_2021_2025", 2);
        CriteriaSetDocument set = set(List.of(
                new CriteriaSetDocument.Criterion(1, "1", "Quy hoạch", null, "I", List.of("XD"), List.of(),
                        List.of(old, new CriteriaSetDocument.CriterionRef("KHONG_CO", 1),
                                new CriteriaSetDocument.CriterionRef("T", 1), old))));

        assertThat(PublishRules.check(set, CONTEXT)).extracting(Violation::field).containsExactly(
                "criteria[0].continues[1].set", "criteria[0].continues[2].set", "criteria[0].continues[3]");
    }

    @Test
    void reportsEveryViolationAtOnceWithItsPath() {
        CriteriaSetDocument set = set(List.of(
                criterion(1, "1", "I", List.of("XD")),
                criterion(3, "1", "IX", List.of()),
                criterion(4, "4", "I", List.of("NOPE"), new CriteriaSetDocument.Indicator("4.1", "Chỉ tiêu", List.of(),
                        List.of(new CriteriaSetDocument.Threshold(9, null, "PASS_FAIL", null, null),
                                new CriteriaSetDocument.Threshold(2, null, "BOGUS", null, null),
                                new CriteriaSetDocument.Threshold(3, null, "VALUE_MIN", null, null))))));

        List<Violation> violations = PublishRules.check(set, CONTEXT);

        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder(
                "criteria",                                      // 2 missing
                "criteria[2].number",                            // 4 > N = 3
                "criteria[1].code",                              // duplicate code 1
                "criteria[1].group",                             // unknown group IX
                "criteria[1].sectors",                           // no sector
                "criteria[2].sectors[0]",                        // unknown sector
                "criteria[2].indicators[0].thresholds[0].region",
                "criteria[2].indicators[0].thresholds[1].kind",
                "criteria[2].indicators[0].thresholds[2].value",
                "criteria[2].indicators[0].thresholds[2].unit");
        assertThat(violations).filteredOn(v -> v.field().equals("criteria"))
                .singleElement().extracting(v -> v.message().in(Messages.ENGLISH)).asString().contains("missing 2");
    }

    @Test
    void rejectsNumbersOutsideOneToNAndDuplicates() {
        CriteriaSetDocument set = set(List.of(criterion(1, "1", "I", List.of("XD")),
                criterion(1, "2", "I", List.of("XD")), criterion(7, "3", "I", List.of("XD"))));

        assertThat(PublishRules.check(set, CONTEXT)).extracting(Violation::field)
                .containsExactlyInAnyOrder("criteria[1].number", "criteria[2].number", "criteria");
    }

    @Test
    void rejectsTwoThresholdsForTheSameRegionAndYearAndUnknownReferences() {
        CriteriaSetDocument base = set(List.of(criterion(1, "1", "I", List.of("XD"),
                new CriteriaSetDocument.Indicator("1.1", "Chỉ tiêu", List.of(), List.of(
                        new CriteriaSetDocument.Threshold(1, 2022, "PASS_FAIL", null, null),
                        new CriteriaSetDocument.Threshold(1, 2022, "PASS_FAIL", null, null))))));
        CriteriaSetDocument set = new CriteriaSetDocument("T", "x", Level.COMMUNE, Tier.NTM_KIEU_MAU, 2025, 2021,
                null, "99", "NO_SUCH_SET", base.groups(), base.criteria());

        assertThat(PublishRules.check(set, CONTEXT)).extracting(Violation::field).containsExactlyInAnyOrder(
                "periodTo", "provinceCode", "baseSet", "criteria[0].indicators[0].thresholds[1]");
    }
}
