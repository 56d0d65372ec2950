package vn.ntm.task.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A province's or a district's dashboard on a day (README "Dashboards"): its communes by criteria met and by tier,
 * each criterion of the set, the work per department and per commune, the inspections of the year.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Dashboard(
        @Schema(description = "The province (province dashboard)") Unit province,
        @Schema(description = "The district (district dashboard)") Unit district,
        @Schema(description = "The day the dashboard describes (register, results and work as on that day)")
        LocalDate at,
        @Schema(description = "The criteria set the results are read under") String criteriaSet,
        Communes communes,
        List<Criterion> criteria,
        Work work,
        Inspections inspections) {

    public record Unit(String code, String name) {
    }

    /** The communes of the unit on {@code at}; {@code assessed}: with at least one result under the set. */
    public record Communes(int total, int assessed, List<Bucket> histogram, Tiers tiers) {
    }

    /** How many assessed communes meet exactly {@code criteriaMet} criteria of the set. */
    public record Bucket(int criteriaMet, int communes) {
    }

    public record Tiers(List<TierCount> reached, List<TierCount> targeted) {
    }

    public record TierCount(String tier, int communes) {
    }

    /**
     * One criterion of the set: communes whose latest assessed result on {@code at} is met, not met, or that have
     * none; {@code metPreviousYear} the same count a year earlier, {@code change} = met − metPreviousYear.
     */
    public record Criterion(int number, String name, int met, int notMet, int notAssessed, int metPreviousYear,
                            int change) {
    }

    public record Work(List<WorkRow> byDepartment, List<WorkRow> byCommune) {
    }

    /**
     * The work of one assignee (byDepartment) or about one commune (byCommune): open on {@code at}, of which overdue,
     * reported and awaiting verification; done in the year of {@code at}, with the median days from creation to done.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorkRow(String assigneeType, String assigneeCode, String assigneeName, String communeCode,
                          String communeName, long open, long overdue, long awaitingVerification,
                          long doneThisYear, BigDecimal medianDaysToDone) {
    }

    public record Inspections(int year, List<LeadAgency> byLeadAgency) {
    }

    public record LeadAgency(String type, String code, String name, long inspections) {
    }
}
