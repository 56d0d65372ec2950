package vn.ntm.task.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * One rule of the rule table. The title template may use {criterion}, {criterionName}, {commune}, {district},
 * {province}, {targetTier}, {targetYear}, {metCount}, {inspectedOn}, {scope} and {assignee}.
 */
public record TaskRule(String code, RuleTrigger trigger, RuleAssignee assignee, String titleTemplate,
                       boolean enabled, int position) {

    /** Why this combination cannot work, or an empty list. */
    public static List<String> problems(RuleTrigger trigger, RuleAssignee assignee) {
        List<String> problems = new ArrayList<>();
        if (assignee == RuleAssignee.SECTOR_DEPARTMENTS && trigger != RuleTrigger.NOT_MET_CRITERION) {
            problems.add("SECTOR_DEPARTMENTS needs a criterion: use it with NOT_MET_CRITERION");
        }
        if ((assignee == RuleAssignee.RECOMMENDATION_ASSIGNEE) != (trigger == RuleTrigger.RECOMMENDATION)) {
            problems.add("RECOMMENDATION_ASSIGNEE goes with, and only with, the RECOMMENDATION trigger");
        }
        if (assignee == RuleAssignee.COMMUNE && trigger == RuleTrigger.INSPECTION) {
            problems.add("an INSPECTION rule has no commune: choose DISTRICT or COORDINATION_OFFICE");
        }
        return problems;
    }
}
