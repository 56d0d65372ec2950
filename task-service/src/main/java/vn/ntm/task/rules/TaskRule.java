package vn.ntm.task.rules;

import vn.ntm.platform.i18n.LocalizedText;

import java.util.ArrayList;
import java.util.List;

/**
 * One rule of the rule table. The title template may use {criterion}, {criterionName}, {commune}, {district},
 * {province}, {targetTier}, {targetYear}, {metCount}, {inspectedOn}, {scope} and {assignee}.
 */
public record TaskRule(String code, RuleTrigger trigger, RuleAssignee assignee, String titleTemplate,
                       boolean enabled, int position) {

    /** Why this combination cannot work, or an empty list. */
    public static List<LocalizedText> problems(RuleTrigger trigger, RuleAssignee assignee) {
        List<LocalizedText> problems = new ArrayList<>();
        if (assignee == RuleAssignee.SECTOR_DEPARTMENTS && trigger != RuleTrigger.NOT_MET_CRITERION) {
            problems.add(LocalizedText.of("task.rule.sectorNeedsCriterion"));
        }
        if ((assignee == RuleAssignee.RECOMMENDATION_ASSIGNEE) != (trigger == RuleTrigger.RECOMMENDATION)) {
            problems.add(LocalizedText.of("task.rule.recommendationAssignee"));
        }
        if (assignee == RuleAssignee.COMMUNE && trigger == RuleTrigger.INSPECTION) {
            problems.add(LocalizedText.of("task.rule.inspectionNoCommune"));
        }
        return problems;
    }
}
