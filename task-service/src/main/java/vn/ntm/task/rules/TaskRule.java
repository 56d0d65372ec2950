package vn.ntm.task.rules;

import vn.ntm.platform.i18n.LocalizedText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the rule table: a rule as it stands for a period. The title template may use {criterion},
 * {criterionName}, {commune}, {district}, {province}, {targetTier}, {targetYear}, {metCount}, {inspectedOn}, {scope}
 * and {assignee}. {@code validFrom}..{@code validTo} (inclusive, either open when null) are the inspection dates
 * the row applies to, like a unit's dates in the register: one code may have several rows, never two on one day.
 */
public record TaskRule(String code, RuleTrigger trigger, RuleAssignee assignee, String titleTemplate,
                       boolean enabled, int position, LocalDate validFrom, LocalDate validTo) {

    /** A rule valid on every date. */
    public TaskRule(String code, RuleTrigger trigger, RuleAssignee assignee, String titleTemplate, boolean enabled,
                    int position) {
        this(code, trigger, assignee, titleTemplate, enabled, position, null, null);
    }

    /**
     * Whether the row applies to an inspection of {@code day}. Without a day (an event that states none) only a
     * row that has not ended applies: the rule as it stands now.
     */
    public boolean validOn(LocalDate day) {
        if (day == null) {
            return validTo == null;
        }
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    /** Whether the two periods share a day. */
    public static boolean overlap(LocalDate fromA, LocalDate toA, LocalDate fromB, LocalDate toB) {
        return (fromA == null || toB == null || !fromA.isAfter(toB))
                && (fromB == null || toA == null || !fromB.isAfter(toA));
    }

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
