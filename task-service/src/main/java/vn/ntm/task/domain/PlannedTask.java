package vn.ntm.task.domain;

import vn.ntm.contracts.OrganisationRef;

import java.time.LocalDate;

/** A task the rules ask for; its natural key makes creating it twice impossible. */
public record PlannedTask(String ruleCode, String sourceRef, String communeCode, String communeName,
                          Integer criterion, String criterionName, OrganisationRef assignee, String title,
                          String description, LocalDate dueDate) {

    public String naturalKey() {
        return String.join("|", ruleCode, String.valueOf(communeCode), String.valueOf(criterion),
                assignee.type(), assignee.code(), String.valueOf(sourceRef));
    }
}
