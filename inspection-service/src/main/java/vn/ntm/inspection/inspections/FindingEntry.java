package vn.ntm.inspection.inspections;

import vn.ntm.contracts.OrganisationRef;

import java.time.LocalDate;
import java.util.List;

/** What an inspection states about one criterion of one commune. */
public record FindingEntry(int criterion, FindingResult result, String note, String remedy, LocalDate deadline,
                           List<OrganisationRef> responsible) {
}
