package vn.ntm.task.rules;

import org.junit.jupiter.api.Test;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.contracts.InspectionFinalized.Commune;
import vn.ntm.task.Fixtures;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the rule rows valid on the inspection's date apply; from 2025-07-01 nothing goes to a district. */
class TaskRulesByDateTest {
    private final InspectionFinalized seed = Fixtures.seedRecord(UUID.randomUUID());

    private List<PlannedTask> plan(InspectionFinalized event) {
        return TaskRules.plan(event, DefaultRuleTable.RULES);
    }

    /** The seed inspection on {@code day}, its communes aiming at {@code targetYear}; district as given. */
    private InspectionFinalized on(LocalDate day, int targetYear, vn.ntm.contracts.AdminUnit district) {
        List<Commune> communes = seed.communes().stream().map(c -> new Commune(c.code(), c.name(), day,
                c.criteriaSet(), c.targetTier(), targetYear, c.summary(), c.findings(), c.statedMet())).toList();
        return new InspectionFinalized(2, seed.inspectionId(), seed.title(), day, day, seed.finalizedAt(),
                seed.leadAgency(), seed.legalBasis(), seed.participants(), seed.province(), district, communes,
                seed.recommendations().stream().filter(r -> !"UBND_HUYEN".equals(r.assignee().type())).toList(),
                null);
    }

    @Test
    void anInspectionOf2022StillGivesTheDistrictItsWork() {
        List<PlannedTask> tasks = plan(seed);
        assertThat(tasks).filteredOn(t -> t.ruleCode().equals("NOT_MET_DISTRICT")).hasSize(10)
                .allSatisfy(t -> assertThat(t.assignee().type() + ":" + t.assignee().code())
                        .isEqualTo("UBND_HUYEN:187"));
        assertThat(tasks).filteredOn(t -> t.ruleCode().equals("TARGET_YEAR_DOSSIER"))
                .extracting(t -> t.assignee().type()).containsOnly("UBND_HUYEN");
    }

    @Test
    void anInspectionOfAugust2025GivesNothingToADistrict() {
        List<PlannedTask> tasks = plan(on(LocalDate.of(2025, 8, 15), 2025, null));
        assertThat(tasks).isNotEmpty().noneMatch(t -> t.assignee().type().equals("UBND_HUYEN"));
    }

    @Test
    void fromJuly2025TheCoordinationOfficeDirectsAndUrgesTheCommunesOnEachUnmetCriterion() {
        List<PlannedTask> urge = plan(on(LocalDate.of(2025, 8, 15), 2025, null)).stream()
                .filter(t -> t.ruleCode().equals("NOT_MET_DISTRICT")).toList();
        assertThat(urge).hasSize(10).allSatisfy(t -> {
            assertThat(t.assignee().type()).isEqualTo("VP_DIEU_PHOI");
            assertThat(t.assignee().code()).isEqualTo("20");
            assertThat(t.assignee().name()).isEqualTo("Văn phòng Điều phối xây dựng nông thôn mới tỉnh Lạng Sơn");
        });
        assertThat(urge).extracting(PlannedTask::title)
                .contains("Chỉ đạo, đôn đốc xã Thượng Cường hoàn thành tiêu chí số 17 (Môi trường và an toàn thực"
                        + " phẩm)");
    }

    @Test
    void fromJuly2025TheCommunePreparesItsOwnRecognitionDossier() {
        assertThat(plan(on(LocalDate.of(2025, 8, 15), 2025, null)))
                .filteredOn(t -> t.ruleCode().equals("TARGET_YEAR_DOSSIER"))
                .extracting(t -> t.assignee().type() + ":" + t.assignee().code() + " " + t.title())
                .containsExactly(
                        "UBND_XA:06490 Hoàn thiện hồ sơ đề nghị công nhận xã Thượng Cường đạt chuẩn nông thôn mới"
                                + " năm 2025",
                        "UBND_XA:06523 Hoàn thiện hồ sơ đề nghị công nhận xã Chi Lăng đạt chuẩn nông thôn mới kiểu"
                                + " mẫu năm 2025");
    }

    @Test
    void theRowsChangeOnTheFirstOfJulyNotBefore() {
        // the district named in both events: the date, not the missing district, decides
        vn.ntm.contracts.AdminUnit district = seed.district();
        assertThat(plan(on(DefaultRuleTable.LAST_DISTRICT_DAY, 2025, district)))
                .filteredOn(t -> t.ruleCode().equals("NOT_MET_DISTRICT") || t.ruleCode().equals("TARGET_YEAR_DOSSIER"))
                .extracting(t -> t.assignee().type()).containsOnly("UBND_HUYEN");
        assertThat(plan(on(DefaultRuleTable.TWO_TIERS, 2025, district)))
                .filteredOn(t -> t.ruleCode().equals("NOT_MET_DISTRICT") || t.ruleCode().equals("TARGET_YEAR_DOSSIER"))
                .extracting(t -> t.assignee().type()).containsOnly("VP_DIEU_PHOI", "UBND_XA");
    }

    @Test
    void aRowWithAStartDateAppliesFromThatDayAndARowThatEndedNoLonger() {
        TaskRule from2030 = new TaskRule("FOLLOW_UP_2030", RuleTrigger.INSPECTION, RuleAssignee.COORDINATION_OFFICE,
                "Theo dõi {scope}", true, 80, LocalDate.of(2030, 1, 1), null);
        TaskRule until2029 = new TaskRule("FOLLOW_UP_2030", RuleTrigger.INSPECTION,
                RuleAssignee.COORDINATION_OFFICE, "Theo dõi cũ {scope}", true, 80, null, LocalDate.of(2029, 12, 31));
        List<TaskRule> rules = List.of(from2030, until2029);
        assertThat(TaskRules.plan(on(LocalDate.of(2029, 12, 31), 2029, null), rules)).extracting(PlannedTask::title)
                .containsExactly("Theo dõi cũ tỉnh Lạng Sơn");
        assertThat(TaskRules.plan(on(LocalDate.of(2030, 1, 1), 2030, null), rules)).extracting(PlannedTask::title)
                .containsExactly("Theo dõi tỉnh Lạng Sơn");
    }

    @Test
    void anEventWithoutADateGetsTheRulesAsTheyStandNow() {
        InspectionFinalized undated = on(null, 2022, null);
        assertThat(TaskRules.plan(undated, DefaultRuleTable.RULES))
                .filteredOn(t -> t.ruleCode().equals("NOT_MET_DISTRICT"))
                .extracting(t -> t.assignee().type()).containsOnly("VP_DIEU_PHOI");
    }

    @Test
    void periodsOverlapWhenTheyShareADay() {
        LocalDate d1 = LocalDate.of(2025, 6, 30);
        LocalDate d2 = LocalDate.of(2025, 7, 1);
        assertThat(TaskRule.overlap(null, d1, d2, null)).isFalse();
        assertThat(TaskRule.overlap(null, d2, d2, null)).isTrue();
        assertThat(TaskRule.overlap(null, null, d2, null)).isTrue();
        assertThat(TaskRule.overlap(d2, null, null, d1)).isFalse();
        assertThat(TaskRule.overlap(d1, d1, d1, d1)).isTrue();
        assertThat(TaskRule.overlap(d2, d2, d1, d1)).isFalse();
    }
}
