package vn.ntm.inspection.inspections;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.ntm.inspection.catalog.CatalogCriterion;
import vn.ntm.inspection.catalog.CatalogService;
import vn.ntm.inspection.catalog.CatalogSet;
import vn.ntm.inspection.inspections.FindingsVersions.CommuneFindings;
import vn.ntm.inspection.inspections.Views.CommuneView;
import vn.ntm.inspection.inspections.Views.FindingView;
import vn.ntm.inspection.inspections.Views.InspectionSummary;
import vn.ntm.inspection.inspections.Views.InspectionView;
import vn.ntm.inspection.inspections.Views.RecommendationView;
import vn.ntm.inspection.register.Lineage;
import vn.ntm.inspection.register.RegisterService;
import vn.ntm.inspection.register.RegisterUnit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final RegisterService register;

    public InspectionViews(EntityManager em, CatalogService catalog, RegisterService register) {
        this.em = em;
        this.catalog = catalog;
        this.register = register;
    }

    /** The record with its latest findings. */
    public InspectionView view(Inspection inspection) {
        return view(inspection, FindingsVersions.current(inspection), inspection.findingsVersion());
    }

    /** The record with the findings of version {@code version} ({@code findings}, per commune). */
    public InspectionView view(Inspection inspection, List<CommuneFindings> findings, int version) {
        return view(inspection, findings, version, true);
    }

    /**
     * The record with its latest findings and no {@code communes[].change}: what the events carry (they hold no
     * change), so finalize and corrections do not look up each commune's previous inspection.
     */
    public InspectionView frozen(Inspection inspection) {
        return view(inspection, FindingsVersions.current(inspection), inspection.findingsVersion(), false);
    }

    private InspectionView view(Inspection inspection, List<CommuneFindings> findings, int version,
                                boolean withChange) {
        Map<String, CommuneFindings> byCode = findings.stream()
                .collect(Collectors.toMap(CommuneFindings::code, f -> f));
        Map<String, Optional<CatalogSet>> sets = new HashMap<>();
        List<CommuneView> communes = new ArrayList<>();
        for (InspectionCommune commune : inspection.communes()) {
            Optional<CatalogSet> set = sets.computeIfAbsent(commune.criteriaSet(), catalog::find);
            CommuneFindings f = byCode.get(commune.code());
            communes.add(f == null ? communeView(inspection, commune, set, entries(commune), commune.statedMet(),
                    withChange) : communeView(inspection, commune, set, f.findings(), f.statedMet(), withChange));
        }
        List<RecommendationView> recommendations = inspection.recommendations().stream()
                .map(r -> new RecommendationView(r.id(), r.assignee(), r.communeCode(), r.registerDate(),
                        r.content(), r.deadline()))
                .toList();
        InspectionSummary summary = new InspectionSummary(communes.size(),
                Averages.metPerCommune(communes.stream().map(CommuneView::summary).toList()),
                Averages.INSPECTED_COMMUNES, Averages.statedMetPerCommune(inspection.statedFigures()),
                inspection.statedFigureBases().get(Averages.STATED_AVERAGE));
        return new InspectionView(inspection.id(), inspection.status().name(), inspection.title(),
                inspection.inspectedOn(), inspection.registerDate(), inspection.leadAgency(), inspection.legalBasis(),
                inspection.participants(), inspection.province(), inspection.district(), inspection.assessment(),
                inspection.statedFigures(), communes, summary, recommendations, inspection.createdAt(),
                inspection.finalizedAt(), inspection.version(), inspection.recordedBy(), inspection.finalizedBy(),
                version, inspection.findingsVersion(), inspection.statedFigureBases(), inspection.notice().number(),
                inspection.notice().place(), inspection.notice().signer(), inspection.notice().recipients());
    }

    public CommuneView communeView(Inspection inspection, InspectionCommune commune, Optional<CatalogSet> set) {
        return communeView(inspection, commune, set, entries(commune), commune.statedMet(), true);
    }

    private CommuneView communeView(Inspection inspection, InspectionCommune commune, Optional<CatalogSet> set,
                                    List<FindingEntry> entries, Integer statedMet, boolean withChange) {
        CommuneSummary summary = summary(entries, set);
        List<FindingView> findings = entries.stream().map(f -> {
            Optional<CatalogCriterion> criterion = set.flatMap(s -> s.criterion(f.criterion()));
            return new FindingView(f.criterion(), criterion.map(CatalogCriterion::name).orElse(null),
                    f.result().name(), f.note(), f.remedy(), f.deadline(),
                    criterion.map(CatalogCriterion::sectors).orElse(List.of()),
                    f.responsible() == null ? List.of() : f.responsible(), commune.registerDate());
        }).toList();
        SummaryChange change = !withChange ? null : previousFinalized(inspection, commune)
                .map(previous -> SummaryChange.between(previous.inspection().id(), previous.inspection().inspectedOn(),
                        results(previous), results(entries)))
                .orElse(null);
        return new CommuneView(commune.code(), commune.name(), commune.registerDate(), commune.criteriaSet(),
                commune.targetTier().name(), commune.targetYear(), statedMet, summary, change, findings);
    }

    /** The commune's summary against its set's criteria (or, without the set, the criteria it has findings of). */
    public static CommuneSummary summary(InspectionCommune commune, Optional<CatalogSet> set) {
        return summary(entries(commune), set);
    }

    static CommuneSummary summary(List<FindingEntry> entries, Optional<CatalogSet> set) {
        Map<Integer, FindingResult> results = results(entries);
        List<Integer> numbers = set.map(CatalogSet::criterionNumbers)
                .orElseGet(() -> results.keySet().stream().sorted().toList());
        return CommuneSummary.of(results, numbers);
    }

    /** The commune's findings as values, in criterion order. */
    static List<FindingEntry> entries(InspectionCommune commune) {
        return commune.findings().stream().map(f -> new FindingEntry(f.criterion(), f.result(), f.note(), f.remedy(),
                f.deadline(), f.responsible())).toList();
    }

    /**
     * The latest finalized inspection of the commune's lineage before this one (DOMAIN.md §8: Bằng Mạc's previous
     * inspection may be one of Thượng Cường's, never one of the Gia Lộc that used code 06475 before unless Gia Lộc
     * is its predecessor), of this province or one it succeeded (whoever may read this one may read those), under
     * the same criteria set (2016–2020 #11 "Hộ nghèo" is not 2021–2025 #11 "Nghèo đa chiều").
     */
    private Optional<InspectionCommune> previousFinalized(Inspection current, InspectionCommune commune) {
        Lineage lineage = register.lineage(commune.code(), commune.registerDate(), RegisterUnit.COMMUNE);
        Set<String> provinces = new HashSet<>(register.predecessorsOf(current.provinceCode()));
        provinces.add(current.provinceCode());
        return finalizedOf(lineage, provinces).stream()
                .filter(c -> !c.inspection().id().equals(current.id()))
                .filter(c -> c.criteriaSet().equals(commune.criteriaSet()))
                .filter(c -> CHRONOLOGICAL.compare(c.inspection(), current) < 0)
                .reduce((first, second) -> second);
    }

    /**
     * The finalized inspections of the units of {@code lineage} (each row matched by its code and register date), in
     * {@code provinces} (null: every province), oldest first.
     */
    public List<InspectionCommune> finalizedOf(Lineage lineage, Collection<String> provinces) {
        var query = em.createQuery("select c from InspectionCommune c join fetch c.inspection i"
                        + " where c.code in :codes and i.status = :status"
                        + (provinces == null ? "" : " and i.provinceCode in :provinces"), InspectionCommune.class)
                .setParameter("codes", lineage.codes())
                .setParameter("status", InspectionStatus.FINALIZED);
        if (provinces != null) {
            query.setParameter("provinces", provinces.isEmpty() ? Set.of("") : provinces);
        }
        return query.getResultList().stream()
                .filter(c -> lineage.memberHolding(c.code(), c.registerDate()).isPresent())
                .sorted(Comparator.comparing(InspectionCommune::inspection, CHRONOLOGICAL)).toList();
    }

    public static Map<Integer, FindingResult> results(InspectionCommune commune) {
        return results(entries(commune));
    }

    static Map<Integer, FindingResult> results(List<FindingEntry> entries) {
        return entries.stream().collect(Collectors.toMap(FindingEntry::criterion, FindingEntry::result));
    }
}
