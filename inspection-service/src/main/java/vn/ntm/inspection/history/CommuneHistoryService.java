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
import vn.ntm.inspection.shared.Caller;
import vn.ntm.platform.http.ServiceException.FieldError;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A commune's history across inspections: what each finalized inspection found, and what changed since the last. */
@ApplicationScoped
public class CommuneHistoryService {
    private final InspectionViews views;
    private final CatalogService catalog;

    public CommuneHistoryService(InspectionViews views, CatalogService catalog) {
        this.views = views;
        this.catalog = catalog;
    }

    @Transactional
    public CommuneHistory history(Caller caller, String communeCode) {
        if (!Limits.isCode(communeCode)) {
            throw ServiceException.badRequest(LocalizedText.of("inspection.commune.invalidCode"),
                    List.of(new FieldError("code", Limits.CODE_TEXT)));
        }
        return new CommuneHistory(communeCode, history(communeCode, caller.readScope()));
    }

    /**
     * Every finalized inspection of one commune in {@code province} (null: every province), oldest first, each
     * with its change against the one before it in the same province: nothing of a province the caller may not
     * read is listed or compared against.
     */
    private List<CommuneHistoryEntry> history(String communeCode, String province) {
        List<InspectionCommune> entries = views.finalizedOf(communeCode, province);
        List<CommuneHistoryEntry> history = new ArrayList<>();
        // the previous entry per province and criteria set: criteria of different sets are not the same criteria
        Map<String, InspectionCommune> previousInProvince = new HashMap<>();
        for (InspectionCommune entry : entries) {
            CommuneSummary summary = InspectionViews.summary(entry, catalog.find(entry.criteriaSet()));
            Inspection i = entry.inspection();
            InspectionCommune previous = previousInProvince.put(i.provinceCode() + "|" + entry.criteriaSet(), entry);
            SummaryChange change = previous == null ? null
                    : SummaryChange.between(previous.inspection().id(), previous.inspection().inspectedOn(),
                    InspectionViews.results(previous), InspectionViews.results(entry));
            history.add(new CommuneHistoryEntry(i.id(), i.title(), i.inspectedOn(), i.finalizedAt(), entry.name(),
                    entry.criteriaSet(), entry.targetTier().name(), entry.targetYear(), summary, change));
        }
        return history;
    }
}
