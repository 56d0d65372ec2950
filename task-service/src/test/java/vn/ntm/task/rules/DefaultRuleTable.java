package vn.ntm.task.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * The default rule table as V2__tasks.sql seeds it, V6_1 rewords it and V25 dates it (the README documents the same
 * table): the district's rows end on 2025-06-30, the same roles go to the coordination office and the commune from
 * 2025-07-01.
 */
public final class DefaultRuleTable {
    public static final LocalDate LAST_DISTRICT_DAY = LocalDate.of(2025, 6, 30);
    public static final LocalDate TWO_TIERS = LocalDate.of(2025, 7, 1);

    public static final List<TaskRule> RULES = List.of(
            new TaskRule("NOT_MET_COMMUNE", RuleTrigger.NOT_MET_CRITERION, RuleAssignee.COMMUNE,
                    "Hoàn thành tiêu chí số {criterion} ({criterionName}) tại {commune}", true, 10),
            new TaskRule("NOT_MET_SECTOR", RuleTrigger.NOT_MET_CRITERION, RuleAssignee.SECTOR_DEPARTMENTS,
                    "Hướng dẫn, hỗ trợ {commune} thực hiện tiêu chí số {criterion} ({criterionName})", true, 20),
            new TaskRule("NOT_MET_DISTRICT", RuleTrigger.NOT_MET_CRITERION, RuleAssignee.DISTRICT,
                    "Chỉ đạo, đôn đốc {commune} hoàn thành tiêu chí số {criterion} ({criterionName})", true, 30,
                    null, LAST_DISTRICT_DAY),
            new TaskRule("NOT_MET_DISTRICT", RuleTrigger.NOT_MET_CRITERION, RuleAssignee.COORDINATION_OFFICE,
                    "Chỉ đạo, đôn đốc {commune} hoàn thành tiêu chí số {criterion} ({criterionName})", true, 30,
                    TWO_TIERS, null),
            new TaskRule("MET_MAINTAIN", RuleTrigger.COMMUNE_WITH_MET, RuleAssignee.COMMUNE,
                    "Duy trì, nâng cao chất lượng {metCount} tiêu chí đã đạt tại {commune}", true, 40),
            new TaskRule("TARGET_YEAR_DOSSIER", RuleTrigger.COMMUNE_TARGET_YEAR, RuleAssignee.DISTRICT,
                    "Hoàn thiện hồ sơ đề nghị công nhận {commune} đạt chuẩn {targetTier} năm {targetYear}", true, 50,
                    null, LAST_DISTRICT_DAY),
            new TaskRule("TARGET_YEAR_DOSSIER", RuleTrigger.COMMUNE_TARGET_YEAR, RuleAssignee.COMMUNE,
                    "Hoàn thiện hồ sơ đề nghị công nhận {commune} đạt chuẩn {targetTier} năm {targetYear}", true, 50,
                    TWO_TIERS, null),
            new TaskRule("COORDINATION", RuleTrigger.INSPECTION, RuleAssignee.COORDINATION_OFFICE,
                    "Điều phối các sở, ngành hướng dẫn, hỗ trợ {scope} thực hiện kết luận kiểm tra ngày"
                            + " {inspectedOn}", true, 60),
            new TaskRule("RECOMMENDATION", RuleTrigger.RECOMMENDATION, RuleAssignee.RECOMMENDATION_ASSIGNEE,
                    "Thực hiện kiến nghị của đoàn kiểm tra tại {scope}", true, 70));

    private DefaultRuleTable() {
    }
}
