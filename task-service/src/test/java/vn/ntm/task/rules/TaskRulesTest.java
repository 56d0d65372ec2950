package vn.ntm.task.rules;

import org.junit.jupiter.api.Test;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.task.Fixtures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TaskRulesTest {
    private final InspectionFinalized seed = Fixtures.seedRecord(UUID.randomUUID());

    private List<PlannedTask> plan(InspectionFinalized event) {
        return TaskRules.plan(event, DefaultRuleTable.RULES);
    }

    @Test
    void seedInspectionGivesThirtyNineTasks() {
        // Thượng Cường: 6 unmet × (xã, huyện, lead department); Chi Lăng: 4 × 3; 2 maintain (Chi Lăng's from its
        // stated figure), 2 dossiers, 1 coordination, 4 recommendations
        assertThat(plan(seed)).hasSize(Fixtures.SEED_TASK_COUNT);
    }

    @Test
    void eachCommuneMaintainsTheCriteriaTheNoticeStatesMetEvenWhenItDoesNotNameThem() {
        // section II.1: both communes maintain and raise their met criteria; Chi Lăng's 10 are stated, not named
        assertThat(seed.communes().get(1).statedMet()).isEqualTo(10);
        assertThat(plan(seed)).filteredOn(t -> t.ruleCode().equals("MET_MAINTAIN"))
                .extracting(t -> t.assignee().code() + ": " + t.title())
                .containsExactly("06490: Duy trì, nâng cao chất lượng 13 tiêu chí đã đạt tại xã Thượng Cường",
                        "06523: Duy trì, nâng cao chất lượng 10 tiêu chí đã đạt tại xã Chi Lăng");
    }

    @Test
    void createsOneCommuneTaskPerUnmetCriterion() {
        assertThat(plan(seed)).filteredOn(t -> t.ruleCode().equals("NOT_MET_COMMUNE"))
                .extracting(t -> t.communeCode() + "/" + t.criterion())
                .containsExactly("06490/2", "06490/5", "06490/6", "06490/15", "06490/17", "06490/18",
                        "06523/2", "06523/5", "06523/13", "06523/17");
    }

    @Test
    void namesTheCommuneAndTheCriterionInVietnamese() {
        assertThat(plan(seed)).extracting(PlannedTask::title)
                .contains("Hoàn thành tiêu chí số 17 (Môi trường và an toàn thực phẩm) tại xã Thượng Cường");
    }

    @Test
    void givesTheLeadDepartmentTheTaskAndAttachesTheCooperatingOnes() {
        List<PlannedTask> tasks = plan(seed);
        List<PlannedTask> c17 = tasks.stream().filter(t -> t.ruleCode().equals("NOT_MET_SECTOR")
                && t.criterion() == 17 && t.communeCode().equals("06490")).toList();
        assertThat(c17).extracting(t -> t.assignee().code()).containsExactly("20:TNMT");
        assertThat(c17.get(0).cooperating()).extracting(OrganisationRef::code)
                .containsExactly("20:YT", "20:NNPTNT", "20:CT");
        assertThat(c17.get(0).cooperating().get(0).name()).isEqualTo("Sở Y tế tỉnh Lạng Sơn");
        assertThat(tasks).filteredOn(t -> t.ruleCode().equals("NOT_MET_SECTOR") && t.criterion() == 15
                        && t.communeCode().equals("06490"))
                .singleElement().satisfies(t -> {
                    assertThat(t.assignee().code()).isEqualTo("20:YT");
                    assertThat(t.cooperating()).extracting(OrganisationRef::code).containsExactly("20:BHXH");
                });
        assertThat(tasks).anySatisfy(t -> {
            assertThat(t.assignee()).isEqualTo(new OrganisationRef("SO_NGANH", "20:GTVT",
                    "Sở Giao thông vận tải tỉnh Lạng Sơn"));
            assertThat(t.criterion()).isEqualTo(2);
            assertThat(t.communeCode()).isEqualTo("06490");
        });
    }

    @Test
    void theCatalogsLeadAndCooperatingSectorsWinOverTheFindingsOrder() {
        CriterionRoles catalog = (set, criterion) -> set.equals("XA_NTM_2021_2025") && criterion == 17
                ? Optional.of(new CriterionRoles.Roles("YT", List.of("TNMT", "YT", "CT"))) : Optional.empty();
        List<PlannedTask> c17 = TaskRules.plan(seed, DefaultRuleTable.RULES, catalog).stream()
                .filter(t -> t.ruleCode().equals("NOT_MET_SECTOR") && t.criterion() == 17
                        && t.communeCode().equals("06490")).toList();
        assertThat(c17).singleElement().satisfies(t -> {
            assertThat(t.assignee().code()).isEqualTo("20:YT");
            assertThat(t.cooperating()).extracting(OrganisationRef::code).containsExactly("20:TNMT", "20:CT");
        });
    }

    @Test
    void responsibleOrganisationsReplaceTheSectorDepartments() {
        InspectionFinalized.Commune commune = seed.communes().get(0);
        InspectionFinalized.Finding f = commune.findings().get(1); // criterion 2, NOT_MET
        OrganisationRef named = new OrganisationRef("SO_NGANH", "20:XD", "Sở Xây dựng tỉnh Lạng Sơn");
        InspectionFinalized.Finding withResponsible = new InspectionFinalized.Finding(f.criterion(),
                f.criterionName(), f.result(), f.note(), f.remedy(), f.deadline(), f.sectors(),
                List.of(named, new OrganisationRef(null, null, "Đoàn TNCSHCM tỉnh Lạng Sơn")));
        List<InspectionFinalized.Finding> findings = new ArrayList<>(commune.findings());
        findings.set(1, withResponsible);
        InspectionFinalized event = withCommunes(List.of(new InspectionFinalized.Commune(commune.code(),
                commune.name(), commune.criteriaSet(), commune.targetTier(), commune.targetYear(), commune.summary(),
                findings)));
        assertThat(plan(event)).filteredOn(t -> t.ruleCode().equals("NOT_MET_SECTOR") && t.criterion() == 2)
                .extracting(PlannedTask::assignee).containsExactly(named);
    }

    @Test
    void findingDeadlineWinsOtherwiseTheEndOfTheTargetYear() {
        List<PlannedTask> tasks = plan(seed);
        assertThat(tasks).filteredOn(t -> "06490".equals(t.communeCode()) && Integer.valueOf(17).equals(t.criterion()))
                .hasSize(3).allSatisfy(t -> assertThat(t.dueDate()).isEqualTo(LocalDate.of(2022, 10, 30)));
        assertThat(tasks).filteredOn(t -> "06490".equals(t.communeCode()) && Integer.valueOf(2).equals(t.criterion()))
                .allSatisfy(t -> assertThat(t.dueDate()).isEqualTo(LocalDate.of(2022, 12, 31)));
    }

    @Test
    void givesTheDistrictADossierTaskForACommuneWhoseTargetYearIsTheInspectionYear() {
        assertThat(plan(seed)).filteredOn(t -> t.ruleCode().equals("TARGET_YEAR_DOSSIER"))
                .extracting(t -> t.assignee().type() + ":" + t.assignee().code() + ":" + t.communeCode())
                .containsExactly("UBND_HUYEN:187:06490", "UBND_HUYEN:187:06523");
        InspectionFinalized.Commune c = seed.communes().get(0);
        InspectionFinalized later = withCommunes(List.of(new InspectionFinalized.Commune(c.code(), c.name(),
                c.criteriaSet(), c.targetTier(), 2024, c.summary(), c.findings())));
        assertThat(plan(later)).noneMatch(t -> t.ruleCode().equals("TARGET_YEAR_DOSSIER"));
    }

    @Test
    void givesAMaintainTaskOnlyToCommunesWithMetCriteriaFoundOrStated() {
        // Chi Lăng without its stated figure: no criterion recorded MET, so nothing to maintain
        InspectionFinalized.Commune c = seed.communes().get(1);
        InspectionFinalized unstated = withCommunes(List.of(seed.communes().get(0), new InspectionFinalized.Commune(
                c.code(), c.name(), c.criteriaSet(), c.targetTier(), c.targetYear(), c.summary(), c.findings())));
        assertThat(plan(unstated)).filteredOn(t -> t.ruleCode().equals("MET_MAINTAIN"))
                .extracting(PlannedTask::communeCode, PlannedTask::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("06490",
                        "Duy trì, nâng cao chất lượng 13 tiêu chí đã đạt tại xã Thượng Cường"));
    }

    @Test
    void turnsEachRecommendationIntoATaskForItsAssignee() {
        List<PlannedTask> recs = plan(seed).stream().filter(t -> t.ruleCode().equals("RECOMMENDATION")).toList();
        assertThat(recs).extracting(t -> t.assignee().code() + "@" + t.dueDate())
                .containsExactly("06490@2022-12-31", "06523@2022-12-31", "187@2022-12-31", "20@2022-12-31");
        assertThat(recs.get(3).description()).startsWith("Chủ động hướng dẫn, hỗ trợ UBND huyện Chi Lăng");
    }

    @Test
    void givesTheCoordinationOfficeOneTaskDueAtTheLatestTargetYear() {
        assertThat(plan(seed)).filteredOn(t -> t.ruleCode().equals("COORDINATION")).singleElement()
                .satisfies(t -> {
                    assertThat(t.assignee().type()).isEqualTo("VP_DIEU_PHOI");
                    assertThat(t.assignee().code()).isEqualTo("20");
                    assertThat(t.communeCode()).isNull();
                    assertThat(t.dueDate()).isEqualTo(LocalDate.of(2022, 12, 31));
                });
    }

    @Test
    void aDisabledRuleCreatesNothing() {
        List<TaskRule> rules = DefaultRuleTable.RULES.stream()
                .map(r -> r.code().equals("NOT_MET_SECTOR") ? new TaskRule(r.code(), r.trigger(), r.assignee(),
                        r.titleTemplate(), false, r.position()) : r).toList();
        assertThat(TaskRules.plan(seed, rules)).hasSize(Fixtures.SEED_TASK_COUNT - 10)
                .noneMatch(t -> t.ruleCode().equals("NOT_MET_SECTOR"));
    }

    @Test
    void rejectsRuleCombinationsThatCannotWork() {
        assertThat(TaskRule.problems(RuleTrigger.INSPECTION, RuleAssignee.SECTOR_DEPARTMENTS)).isNotEmpty();
        assertThat(TaskRule.problems(RuleTrigger.RECOMMENDATION, RuleAssignee.DISTRICT)).isNotEmpty();
        assertThat(TaskRule.problems(RuleTrigger.NOT_MET_CRITERION, RuleAssignee.COORDINATION_OFFICE)).isEmpty();
    }

    private InspectionFinalized withCommunes(List<InspectionFinalized.Commune> communes) {
        return new InspectionFinalized(seed.schemaVersion(), seed.inspectionId(), seed.title(), seed.inspectedOn(),
                seed.finalizedAt(), seed.leadAgency(), seed.legalBasis(), seed.participants(), seed.province(),
                seed.district(), communes, seed.recommendations());
    }
}
