package vn.ntm.inspection.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.inspection.catalog.CatalogService;
import vn.ntm.inspection.inspections.CommuneSummary;
import vn.ntm.inspection.inspections.Inspection;
import vn.ntm.inspection.inspections.InspectionCommune;
import vn.ntm.inspection.inspections.InspectionViews;
import vn.ntm.inspection.inspections.Limits;
import vn.ntm.inspection.inspections.SummaryChange;
import vn.ntm.inspection.register.Lineage;
import vn.ntm.inspection.register.RegisterService;
import vn.ntm.inspection.register.RegisterUnit;
import vn.ntm.inspection.shared.Caller;
import vn.ntm.platform.http.ServiceException.FieldError;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A commune's history across inspections: what each finalized inspection of its lineage found, and what changed
 * since the last. The lineage is the register's: the unit the code means on the date asked for and every unit it
 * succeeded (DOMAIN.md §8), each inspection matched by its code and register date, never by the code alone.
 */
@ApplicationScoped
public class CommuneHistoryService {
    private final InspectionViews views;
    private final CatalogService catalog;
    private final RegisterService register;

    public CommuneHistoryService(InspectionViews views, CatalogService catalog, RegisterService register) {
        this.views = views;
        this.catalog = catalog;
        this.register = register;
    }

    @Transactional
    public CommuneHistory history(Caller caller, String communeCode, LocalDate asOf) {
        if (!Limits.isCode(communeCode)) {
            throw ServiceException.badRequest(LocalizedText.of("inspection.commune.invalidCode"),
                    List.of(new FieldError("code", Limits.CODE_TEXT)));
        }
        Lineage lineage = register.lineage(communeCode, asOf, RegisterUnit.COMMUNE);
        RegisterUnit self = lineage.members().get(0).unit();
        return new CommuneHistory(communeCode, history(lineage, caller.readScopes()), asOf, self.name(),
                self.name() == null ? null : self.validFrom(), self.validTo());
    }

    /**
     * Every finalized inspection of the lineage in {@code provinces} (null: every province), oldest first, each
     * with its change against the one before it under the same criteria set, in its province or one that province
     * succeeded: nothing of a province the caller may not read is listed or compared against.
     */
    private List<CommuneHistoryEntry> history(Lineage lineage, Set<String> provinces) {
        List<InspectionCommune> entries = views.finalizedOf(lineage, provinces);
        List<CommuneHistoryEntry> history = new ArrayList<>();
        // criteria of different sets are not the same criteria: compared only within a set
        Map<String, List<InspectionCommune>> earlierBySet = new HashMap<>();
        Map<String, Set<String>> provinceLineages = new HashMap<>();
        for (InspectionCommune entry : entries) {
            CommuneSummary summary = InspectionViews.summary(entry, catalog.find(entry.criteriaSet()));
            Inspection i = entry.inspection();
            Set<String> comparable = provinceLineages.computeIfAbsent(i.provinceCode(), p -> {
                Set<String> set = new HashSet<>(register.predecessorsOf(p));
                set.add(p);
                return set;
            });
            List<InspectionCommune> earlier = earlierBySet.computeIfAbsent(entry.criteriaSet(), s -> new ArrayList<>());
            InspectionCommune previous = null;
            for (InspectionCommune e : earlier) {
                if (comparable.contains(e.inspection().provinceCode())) {
                    previous = e;
                }
            }
            earlier.add(entry);
            SummaryChange change = previous == null ? null
                    : SummaryChange.between(previous.inspection().id(), previous.inspection().inspectedOn(),
                    InspectionViews.results(previous), InspectionViews.results(entry));
            boolean own = lineage.memberHolding(entry.code(), entry.registerDate()).map(Lineage.Member::self)
                    .orElse(false);
            history.add(new CommuneHistoryEntry(i.id(), i.title(), i.inspectedOn(), i.finalizedAt(), entry.name(),
                    entry.criteriaSet(), entry.targetTier().name(), entry.targetYear(), summary, change, entry.code(),
                    entry.registerDate(), own ? CommuneHistoryEntry.SELF : CommuneHistoryEntry.PREDECESSOR,
                    i.provinceCode()));
        }
        return history;
    }
}
