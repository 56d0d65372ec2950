package vn.ntm.criteria.sets;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.criteria.reference.ReferenceService;
import vn.ntm.criteria.register.AdminUnitService;
import vn.ntm.criteria.sets.CriteriaSetView.CriterionRefView;
import vn.ntm.criteria.sets.CriteriaSetView.CriterionView;
import vn.ntm.criteria.sets.CriteriaSetView.GroupView;
import vn.ntm.criteria.sets.CriteriaSetView.IndicatorView;
import vn.ntm.criteria.sets.CriteriaSetView.SectorView;
import vn.ntm.criteria.sets.CriteriaSetView.ThresholdView;
import vn.ntm.criteria.shared.ReferenceSnapshotLog;
import vn.ntm.criteria.shared.Violation;
import vn.ntm.platform.http.SearchTerms;
import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.outbox.Outbox;
import vn.ntm.platform.outbox.OutboxEvent;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Owns the criteria sets: reads, draft edits, publish/retire (with the published event), evaluation. */
@ApplicationScoped
public class CriteriaSetService {
    private final EntityManager em;
    private final ReferenceService references;
    private final Outbox outbox;

    private final AdminUnitService adminUnits;
    private final ReferenceSnapshotLog snapshots;

    public CriteriaSetService(EntityManager em, ReferenceService references, Outbox outbox,
                              AdminUnitService adminUnits, ReferenceSnapshotLog snapshots) {
        this.em = em;
        this.references = references;
        this.outbox = outbox;
        this.adminUnits = adminUnits;
        this.snapshots = snapshots;
    }

    @Transactional
    public List<CriteriaSetView.Summary> list(SetStatus status) {
        return em.createQuery("select s from CriteriaSet s where (:status is null or s.status = :status)"
                        + " order by s.code", CriteriaSet.class)
                .setParameter("status", status).getResultList().stream()
                .map(s -> {
                    CriteriaSetDocument d = s.toDocument();
                    return new CriteriaSetView.Summary(d.code(), d.name(), d.level(), d.tier(), d.periodFrom(),
                            d.periodTo(), d.legalBasis(), d.provinceCode(), d.baseSet(), s.status(),
                            d.criteria().size());
                }).toList();
    }

    @Transactional
    public CriteriaSetView get(String code) {
        return view(find(code, false));
    }

    @Transactional
    public CriterionView criterion(String code, int number) {
        return get(code).criteria().stream().filter(c -> c.number() == number).findFirst()
                .orElseThrow(() -> ServiceException.notFound(LocalizedText.of("criteria.set.noCriterion", code,
                        number)));
    }

    @Transactional
    public CriteriaSetDocument export(String code) {
        return find(code, false).toDocument();
    }

    /** Creates a draft from one document; importing an exported document is the same operation. */
    @Transactional
    public CriteriaSetView create(CriteriaSetDocument document) {
        if (findOptional(document.code(), false) != null) {
            throw ServiceException.conflict(LocalizedText.of("criteria.set.exists", document.code()))
                    .withCode(ProblemCode.DUPLICATE_CRITERIA_SET);
        }
        CriteriaSet set = CriteriaSet.draft(document);
        em.persist(set);
        Log.infof("created draft criteria set %s", set.code());
        return view(set);
    }

    @Transactional
    public CriteriaSetView edit(String code, CriteriaSetDocument document) {
        if (!code.equals(document.code())) {
            throw ServiceException.badRequest(LocalizedText.of("criteria.set.codeMismatch", code),
                    List.of(ServiceException.FieldError.of("code", "criteria.field.mustBe", code)));
        }
        CriteriaSet set = find(code, true);
        requireDraft(set);
        set.edit(document);
        em.flush();
        return view(set);
    }

    @Transactional
    public IndicatorView addThreshold(String code, int number, String indicatorCode,
                                      CriteriaSetDocument.Threshold threshold) {
        CriteriaSet set = find(code, true);
        requireDraft(set);
        List<Violation> violations = PublishRules.checkThreshold(threshold, "");
        if (!violations.isEmpty()) {
            throw invalid(LocalizedText.of("criteria.threshold.invalid"), violations.stream()
                    .map(v -> new Violation(v.field().startsWith(".") ? v.field().substring(1) : v.field(),
                            v.message())).toList()).withCode(ProblemCode.THRESHOLD_INVALID);
        }
        try {
            set.addThreshold(number, indicatorCode, threshold);
        } catch (IllegalArgumentException e) {
            throw ServiceException.notFound(LocalizedText.of("criteria.set.noIndicator", code, indicatorCode, number));
        }
        em.flush();
        return indicatorView(set.indicator(number, indicatorCode).toDocument(), references.sectorNames());
    }

    /** Validates the whole set, freezes it and emits {@code ntm.criteria-set.published} in the same transaction. */
    @Transactional
    public CriteriaSetView publish(String code) {
        CriteriaSet set = find(code, true);
        requireDraft(set);
        CriteriaSetDocument document = set.toDocument();
        List<Violation> violations = PublishRules.check(document, context());
        if (!violations.isEmpty()) {
            throw invalid(LocalizedText.of("criteria.set.publishBroken", code, violations.size()), violations)
                    .withCode(ProblemCode.PUBLISH_RULES_BROKEN);
        }
        UUID eventId = announce(document);
        set.publish(eventId);
        Log.infof("published criteria set %s (event %s)", code, eventId);
        return view(set);
    }

    @Transactional
    public CriteriaSetView retire(String code) {
        CriteriaSet set = find(code, true);
        if (set.status() != SetStatus.PUBLISHED) {
            throw ServiceException.conflict(LocalizedText.of("criteria.set.retireOnlyPublished", code,
                    LocalizedText.of("criteria.setStatus." + set.status().name()))).withCode(ProblemCode.CRITERIA_SET_NOT_PUBLISHED);
        }
        set.retire();
        return view(set);
    }

    /** Announces, once, every published set that was never announced (e.g. the sets seeded by migrations). */
    @Transactional
    public int announceUnannounced() {
        List<CriteriaSet> sets = em.createQuery("select s from CriteriaSet s where s.status = :status"
                        + " and s.announcedEventId is null order by s.code", CriteriaSet.class)
                .setParameter("status", SetStatus.PUBLISHED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        for (CriteriaSet set : sets) {
            set.announced(announce(set.toDocument()));
            Log.infof("announced published criteria set %s", set.code());
        }
        return sets.size();
    }

    @Transactional
    public Evaluator.Evaluation evaluate(String code, EvaluationRequest request) {
        CriteriaSetDocument document = find(code, false).toDocument();
        Integer region = request.region();
        boolean disadvantaged = request.especiallyDisadvantaged();
        boolean safeZone = request.safeZone();
        if (request.communeCode() != null) {
            java.time.LocalDate on = request.on() != null ? request.on()
                    : java.time.LocalDate.of(request.year(), 12, 31);
            AdminUnitService.UnitView commune = adminUnits.commune(request.communeCode(), on);
            region = region != null ? region : commune.region();
            disadvantaged |= Boolean.TRUE.equals(commune.especiallyDisadvantaged());
            safeZone |= Boolean.TRUE.equals(commune.safeZone());
            if (region == null) {
                throw ServiceException.invalid(LocalizedText.of("criteria.evaluate.regionUnknown",
                        commune.provinceCode()), List.of(ServiceException.FieldError.of("region",
                        "criteria.evaluate.regionRequired", commune.provinceCode())))
                        .withCode(ProblemCode.REGION_UNKNOWN);
            }
        } else if (region == null) {
            throw ServiceException.badRequest(LocalizedText.of("criteria.evaluate.regionOrCommune"), List.of(
                    ServiceException.FieldError.of("region", "criteria.evaluate.regionWithoutCommune")));
        }
        Evaluator.Evaluation evaluation = Evaluator.evaluate(document, new Evaluator.Input(region,
                disadvantaged, safeZone, request.year(),
                request.values() == null ? Map.of() : request.values()));
        if (!evaluation.violations().isEmpty()) {
            throw invalid(LocalizedText.of("criteria.evaluate.invalid"), evaluation.violations())
                    .withCode(ProblemCode.EVALUATION_INVALID);
        }
        return evaluation;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<SearchHit> search(String q, String setCode) {
        if (q == null || q.isBlank()) {
            throw ServiceException.badRequest(LocalizedText.of("criteria.search.q"),
                    List.of(ServiceException.FieldError.of("q", "jakarta.validation.constraints.NotBlank.message")));
        }
        // folded first, then the wildcards escaped: unaccent maps the full-width ％ ＿ to % _
        String like = " like " + SearchTerms.containsPattern("lower(unaccent(:q))") + SearchTerms.ESCAPE_CLAUSE;
        List<Object[]> rows = em.createNativeQuery("""
                        select s.code, s.name, c.number, c.name as criterion, i.code as indicator, i.name as iname
                        from criterion c
                        join criteria_set s on s.id = c.set_id
                        left join indicator i on i.criterion_id = c.id
                            and lower(unaccent(i.name))%1$s
                        where s.status = 'PUBLISHED' and (cast(:setCode as text) is null or s.code = :setCode)
                          and (lower(unaccent(c.name))%1$s or i.id is not null)
                        order by s.code, c.number, i.position nulls first
                        """.formatted(like))
                .setParameter("q", q.strip()).setParameter("setCode", setCode).getResultList();
        return rows.stream().map(r -> new SearchHit((String) r[0], (String) r[1], ((Number) r[2]).intValue(),
                (String) r[3], (String) r[4], (String) r[5])).toList();
    }

    /**
     * The sets a consumer's catalog copy holds, as snapshots of criteria-reference: every set ever published
     * (published or retired since; no event retires a set) but those whose code is in {@code except}. Returns how
     * many it wrote.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int snapshotPublished(Set<String> except) {
        List<CriteriaSet> sets = em.createQuery("select s from CriteriaSet s where s.status in :statuses"
                        + " order by s.code", CriteriaSet.class)
                .setParameter("statuses", List.of(SetStatus.PUBLISHED, SetStatus.RETIRED)).getResultList();
        int count = 0;
        for (CriteriaSet set : sets) {
            if (!except.contains(set.code())) {
                snapshot(CriteriaSetEvents.published(set.toDocument()));
                count++;
            }
        }
        return count;
    }

    /** {@code ntm.criteria-set.published} on criteria-events and the set's next snapshot on criteria-reference. */
    private UUID announce(CriteriaSetDocument document) {
        CriteriaSetPublished event = CriteriaSetEvents.published(document);
        snapshot(event);
        return outbox.append(OutboxEvent.of(Topics.CRITERIA_EVENTS, document.code(), EventTypes.CRITERIA_SET_PUBLISHED,
                event));
    }

    private void snapshot(CriteriaSetPublished event) {
        snapshots.append(event.code(), EventTypes.CRITERIA_SET_PUBLISHED, event::withVersion, null);
    }

    private PublishRules.Context context() {
        Set<String> provinces = new HashSet<>();
        references.provinces().forEach(p -> provinces.add(p.code()));
        Set<String> sets = new HashSet<>(em.createQuery("select s.code from CriteriaSet s", String.class)
                .getResultList());
        return new PublishRules.Context(references.sectorNames().keySet(), provinces, sets);
    }

    private static void requireDraft(CriteriaSet set) {
        if (set.status() != SetStatus.DRAFT) {
            throw ServiceException.conflict(LocalizedText.of("criteria.set.frozen", set.code(),
                    LocalizedText.of("criteria.setStatus." + set.status().name())))
                    .withCode(ProblemCode.CRITERIA_SET_FROZEN);
        }
    }

    private static ServiceException invalid(LocalizedText detail, List<Violation> violations) {
        return ServiceException.invalid(detail, violations.stream()
                .map(v -> new ServiceException.FieldError(v.field(), v.message())).toList());
    }

    private CriteriaSet find(String code, boolean forUpdate) {
        CriteriaSet set = findOptional(code, forUpdate);
        if (set == null) {
            throw ServiceException.notFound(LocalizedText.of("criteria.set.notFound"));
        }
        return set;
    }

    private CriteriaSet findOptional(String code, boolean forUpdate) {
        return em.createQuery("select s from CriteriaSet s where s.code = :code", CriteriaSet.class)
                .setParameter("code", code)
                .setLockMode(forUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                .getResultStream().findFirst().orElse(null);
    }

    private CriteriaSetView view(CriteriaSet set) {
        Map<String, String> sectorNames = references.sectorNames();
        CriteriaSetDocument d = set.toDocument();
        return new CriteriaSetView(d.code(), d.name(), d.level(), d.tier(), d.periodFrom(), d.periodTo(),
                d.legalBasis(), d.provinceCode(), d.baseSet(), set.status(),
                d.groups().stream().map(g -> new GroupView(g.code(), g.name(), g.order())).toList(),
                d.criteria().stream().map(c -> new CriterionView(c.number(), c.code(), c.name(), c.englishName(),
                        c.group(), sectors(c.sectors(), sectorNames), lead(c.sectors(), sectorNames),
                        sectors(CriteriaSetPublished.cooperating(c.sectors()), sectorNames),
                        c.continues().stream().map(r -> new CriterionRefView(r.set(), r.criterion())).toList(),
                        c.indicators().stream().map(i -> indicatorView(i, sectorNames)).toList())).toList());
    }

    private static IndicatorView indicatorView(CriteriaSetDocument.Indicator i, Map<String, String> sectorNames) {
        return new IndicatorView(i.code(), i.name(), sectors(i.sectors(), sectorNames),
                lead(i.sectors(), sectorNames), sectors(CriteriaSetPublished.cooperating(i.sectors()), sectorNames),
                i.thresholds().stream()
                .map(t -> new ThresholdView(t.region(), t.year(), t.kind(), t.value(), t.unit())).toList());
    }

    private static SectorView lead(List<String> codes, Map<String, String> names) {
        String lead = CriteriaSetPublished.lead(codes);
        return lead == null ? null : new SectorView(lead, names.get(lead));
    }

    private static List<SectorView> sectors(List<String> codes, Map<String, String> names) {
        return codes.stream().map(c -> new SectorView(c, names.get(c))).toList();
    }
}
