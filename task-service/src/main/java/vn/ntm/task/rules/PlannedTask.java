package vn.ntm.task.rules;

import vn.ntm.contracts.OrganisationRef;

import java.time.LocalDate;
import java.util.List;

/**
 * A task the rules ask for; its natural key makes creating it twice impossible. {@code cooperating}: departments
 * attached to the task (phối hợp) instead of getting a copy of it.
 */
public record PlannedTask(String ruleCode, String sourceRef, String communeCode, String communeName,
                          Integer criterion, String criterionName, OrganisationRef assignee, String title,
                          String description, LocalDate dueDate, List<OrganisationRef> cooperating) {

    public PlannedTask {
        cooperating = cooperating == null ? List.of() : List.copyOf(cooperating);
    }

    public PlannedTask(String ruleCode, String sourceRef, String communeCode, String communeName, Integer criterion,
                       String criterionName, OrganisationRef assignee, String title, String description,
                       LocalDate dueDate) {
        this(ruleCode, sourceRef, communeCode, communeName, criterion, criterionName, assignee, title, description,
                dueDate, List.of());
    }

    public String naturalKey() {
        return String.join("|", ruleCode, String.valueOf(communeCode), String.valueOf(criterion),
                assignee.type(), assignee.code(), String.valueOf(sourceRef));
    }
}
