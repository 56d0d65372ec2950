package vn.ntm.inspection.inspections;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.ntm.inspection.catalog.CatalogCriterion;
import vn.ntm.inspection.catalog.CatalogService;
import vn.ntm.inspection.catalog.CatalogSet;
import vn.ntm.inspection.inspections.Views.CommuneView;
import vn.ntm.inspection.inspections.Views.FindingView;
import vn.ntm.inspection.inspections.Views.InspectionSummary;
import vn.ntm.inspection.inspections.Views.InspectionView;
import vn.ntm.inspection.inspections.Views.RecommendationView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds responses: findings with catalog names and sectors, computed summaries and changes. */
@ApplicationScoped
public class InspectionViews {
    /** Finalized inspections of a commune in time order: inspection date, then finalization time. */
    static final Comparator<Inspection> CHRONOLOGICAL = Comparator.comparing(Inspection::inspectedOn)
            .thenComparing(i -> i.finalizedAt() == null ? Instant.MAX : i.finalizedAt())
            .thenComparing(Inspection::id);

    private final EntityManager em;
    private final CatalogService catalog;

    public InspectionViews(EntityManager em, CatalogService catalog) {
        this.em = em;
        this.catalog = catalog;
    }

    public InspectionView view(Inspection inspection) {
        Map<String, Optional<CatalogSet>> sets = new HashMap<>();
        List<CommuneView> communes = new ArrayList<>();
        for (InspectionCommune commune : inspection.communes()) {
            Optional<CatalogSet> set = sets.computeIfAbsent(commune.criteriaSet(), catalog::find);
            communes.add(communeView(inspection, commune, set));
        }
        List<RecommendationView> recommendations = inspection.recommendations().stream()
                .map(r -> new RecommendationView(r.id(), r.assignee(), r.communeCode(), r.registerDate(),
                        r.content(), r.deadline()))
                .toList();
        InspectionSummary summary = new InspectionSummary(communes.size(),
                Averages.metPerCommune(communes.stream().map(CommuneView::summary).toList()));
        return new InspectionView(inspection.id(), inspection.status().name(), inspection.title(),
                inspection.inspectedOn(), inspection.registerDate(), inspection.leadAgency(), inspection.legalBasis(),
                inspection.participants(), inspection.province(), inspection.district(), inspection.assessment(),
                inspection.statedFigures(), communes, summary, recommendations, inspection.createdAt(),
                inspection.finalizedAt(), inspection.version(), inspection.recordedBy(), inspection.finalizedBy());
    }

    public CommuneView communeView(Inspection inspection, InspectionCommune commune, Optional<CatalogSet> set) {
        CommuneSummary summary = summary(commune, set);
        List<FindingView> findings = commune.findings().stream().map(f -> {
            Optional<CatalogCriterion> criterion = set.flatMap(s -> s.criterion(f.criterion()));
            return new FindingView(f.criterion(), criterion.map(CatalogCriterion::name).orElse(null),
                    f.result().name(), f.note(), f.remedy(), f.deadline(),
                    criterion.map(CatalogCriterion::sectors).orElse(List.of()), f.responsible(),
                    f.registerDate());
        }).toList();
        SummaryChange change = previousFinalized(inspection, commune)
                .map(previous -> SummaryChange.between(previous.inspection().id(), previous.inspection().inspectedOn(),
                        results(previous), results(commune)))
                .orElse(null);
        return new CommuneView(commune.code(), commune.name(), commune.registerDate(), commune.criteriaSet(), commune.targetTier().name(),
                commune.targetYear(), commune.statedMet(), summary, change, findings);
    }

    /** The commune's summary against its set's criteria (or, without the set, the criteria it has findings of). */
    public static CommuneSummary summary(InspectionCommune commune, Optional<CatalogSet> set) {
        Map<Integer, FindingResult> results = commune.findings().stream()
                .collect(Collectors.toMap(Finding::criterion, Finding::result));
        List<Integer> numbers = set.map(CatalogSet::criterionNumbers)
                .orElseGet(() -> results.keySet().stream().sorted().toList());
        return CommuneSummary.of(results, numbers);
    }

    /**
     * Only inspections of the same province (whoever may read this one may read those) that used the same criteria
     * set (2016–2020 #11 "Hộ nghèo" is not 2021–2025 #11 "Nghèo đa chiều").
     */
    private Optional<InspectionCommune> previousFinalized(Inspection current, InspectionCommune commune) {
        return finalizedOf(commune.code(), current.provinceCode()).stream()
                .filter(c -> !c.inspection().id().equals(current.id()))
                .filter(c -> c.criteriaSet().equals(commune.criteriaSet()))
                .filter(c -> CHRONOLOGICAL.compare(c.inspection(), current) < 0)
                .reduce((first, second) -> second);
    }

    /** The finalized inspections of a commune, in {@code province} (null: every province), oldest first. */
    public List<InspectionCommune> finalizedOf(String communeCode, String province) {
        var query = em.createQuery("select c from InspectionCommune c join fetch c.inspection i"
                        + " where c.code = :code and i.status = :status"
                        + (province == null ? "" : " and i.provinceCode = :province"), InspectionCommune.class)
                .setParameter("code", communeCode)
                .setParameter("status", InspectionStatus.FINALIZED);
        if (province != null) {
            query.setParameter("province", province);
        }
        List<InspectionCommune> found = query.getResultList();
        return found.stream().sorted(Comparator.comparing(InspectionCommune::inspection, CHRONOLOGICAL)).toList();
    }

    public static Map<Integer, FindingResult> results(InspectionCommune commune) {
        return commune.findings().stream().collect(Collectors.toMap(Finding::criterion, Finding::result));
    }
}
