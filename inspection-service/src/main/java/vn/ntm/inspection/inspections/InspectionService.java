package vn.ntm.inspection.inspections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.AdminUnit;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.InspectionCorrected;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.contracts.Topics;
import vn.ntm.inspection.catalog.CatalogService;
import vn.ntm.inspection.catalog.CatalogSet;
import vn.ntm.inspection.inspections.Requests.CommuneInput;
import vn.ntm.inspection.inspections.Requests.CorrectionInput;
import vn.ntm.inspection.inspections.Requests.CreateInspection;
import vn.ntm.inspection.inspections.Requests.FindingInput;
import vn.ntm.inspection.inspections.Requests.OrgRefInput;
import vn.ntm.inspection.inspections.Requests.RecommendationInput;
import vn.ntm.inspection.inspections.ScopeRules.Named;
import vn.ntm.inspection.inspections.ScopeRules.Scope;
import vn.ntm.inspection.inspections.ScopeRules.Violation;
import vn.ntm.inspection.inspections.Views.CommuneView;
import vn.ntm.inspection.inspections.Views.CorrectionView;
import vn.ntm.inspection.inspections.Views.InspectionView;
import vn.ntm.inspection.inspections.Views.RecommendationView;
import vn.ntm.inspection.register.RegisterService;
import vn.ntm.inspection.register.SectorService;
import vn.ntm.inspection.shared.Caller;
import vn.ntm.platform.http.EntityTags;
import vn.ntm.platform.http.ServiceException.FieldError;
import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.outbox.Outbox;
import vn.ntm.platform.outbox.OutboxEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Commands on inspections. Each runs in one transaction: refused input leaves nothing behind. */
@ApplicationScoped
public class InspectionService {
    private static final String NOT_NULL = "jakarta.validation.constraints.NotNull.message";
    /** {@code ce_dataschema} of {@code ntm.inspection.corrected}. */
    static final String CORRECTED_SCHEMA = CloudEventHeaders.SCHEMA_BASE + "inspection-corrected.schema.json";

    private final CatalogService catalog;
    private final InspectionViews views;
    private final Outbox outbox;
    private final RegisterService registers;
    private final SectorService sectors;
    private final IdempotencyService idempotency;
    private final FindingsVersions versions;
    private final Deletions deletions;
    private final InspectionConfig config;
    private final ObjectMapper json;
    private final EntityManager em;

    public InspectionService(CatalogService catalog, InspectionViews views, Outbox outbox, RegisterService registers,
                             SectorService sectors, IdempotencyService idempotency, FindingsVersions versions,
                             InspectionConfig config, ObjectMapper json, EntityManager em, Deletions deletions) {
        this.versions = versions;
        this.deletions = deletions;
        this.catalog = catalog;
        this.views = views;
        this.outbox = outbox;
        this.registers = registers;
        this.sectors = sectors;
        this.idempotency = idempotency;
        this.config = config;
        this.json = json;
        this.em = em;
    }

    /** A response body with the inspection's version, sent as its ETag. */
    public record Tagged<T>(T body, long version) {
    }

    /**
     * Records a DRAFT. Every unit and organisation is checked against the register as of {@code inspectedOn}
     * ({@link ScopeRules}); names are the register's. With an {@code Idempotency-Key} a retry returns the first
     * request's inspection and creates nothing.
     */
    @Transactional
    public InspectionView create(Caller caller, CreateInspection request, String idempotencyKey) {
        caller.requireWrite(request.province().code());
        Optional<UUID> earlier = idempotency.claim(caller, idempotencyKey, "POST /inspections", request);
        if (earlier.isPresent()) {
            Log.debugf("Idempotency-Key replay: inspection %s", earlier.get());
            // the inspection of a replayed key may have been deleted since (a DRAFT): 404, as for its id
            return views.view(Inspection.<Inspection>findByIdOptional(earlier.get())
                    .orElseThrow(() -> notFound(earlier.get())));
        }
        badRequestIfAny("inspection.create.malformed", checkFields(request));
        List<FieldError> errors = new ArrayList<>();
        checkOrg("leadAgency", request.leadAgency(), errors);
        List<OrgRefInput> participants = request.participants() == null ? List.of() : request.participants();
        for (int i = 0; i < participants.size(); i++) {
            checkOrg("participants[" + i + "]", participants.get(i), errors);
        }
        ScopeRules rules = rules(caller, request.inspectedOn(), request.province().code());
        List<Violation> violations = new ArrayList<>();
        Scope scope = rules.scope(named(request.province()), request.district() == null ? null
                        : named(request.district()),
                request.communes().stream().map(c -> new Named(c.code(), c.name())).toList(), violations);
        organisation(rules, "leadAgency", request.leadAgency(), violations);
        for (int i = 0; i < participants.size(); i++) {
            organisation(rules, "participants[" + i + "]", participants.get(i), violations);
        }
        violations.forEach(v -> errors.add(new FieldError(v.field(), v.message())));
        Set<String> codes = new HashSet<>();
        Map<String, Optional<CatalogSet>> sets = new LinkedHashMap<>();
        for (int i = 0; i < request.communes().size(); i++) {
            CommuneInput commune = request.communes().get(i);
            if (!codes.add(commune.code())) {
                errors.add(FieldError.of("communes[" + i + "].code", "inspection.create.communeTwice",
                        commune.code()));
            }
            Optional<CatalogSet> set = sets.computeIfAbsent(commune.criteriaSet(), catalog::find);
            Optional<LocalizedText> problem = setProblem(commune.criteriaSet(), set);
            if (problem.isPresent()) {
                errors.add(new FieldError("communes[" + i + "].criteriaSet", problem.get()));
            } else if (commune.targetTier() != null && !commune.targetTier().servedBy(set.get().tier())) {
                errors.add(FieldError.of("communes[" + i + "].targetTier", "inspection.create.tier",
                        commune.criteriaSet(), LocalizedText.of("inspection.tier." + set.get().tier()),
                        LocalizedText.of("inspection.tier." + commune.targetTier().name())));
            }
            if (problem.isEmpty()) {
                statedMetWithinSet("communes[" + i + "].statedMet", commune.statedMet(), set.get(), errors);
            }
        }
        if (request.statedFigureBases() != null) {
            request.statedFigureBases().keySet().stream()
                    .filter(name -> request.statedFigures() == null || !request.statedFigures().containsKey(name))
                    .forEach(name -> errors.add(FieldError.of("statedFigureBases." + name,
                            "inspection.figures.basisWithoutFigure", name)));
        }
        if (!errors.isEmpty()) {
            throw RuleCodes.invalid(LocalizedText.of("inspection.create.invalid", errors.get(0).message()),
                    errors);
        }
        Inspection inspection = Inspection.draft(request.title(), request.inspectedOn(), request.leadAgency().toRef(),
                request.legalBasis() == null ? List.of()
                        : request.legalBasis().stream().map(Requests.LegalBasisInput::toValue).toList(),
                participants.stream().map(OrgRefInput::toRef).toList(),
                unit(scope.province()), scope.district() == null ? null : unit(scope.district()),
                request.assessment(), request.statedFigures() == null ? Map.of() : request.statedFigures(),
                request.statedFigureBases(), request.notice(), caller.subject());
        for (int i = 0; i < request.communes().size(); i++) {
            CommuneInput c = request.communes().get(i);
            inspection.addCommune(c.code(), scope.communes().get(i).name(), c.criteriaSet(), c.targetTier(),
                    c.targetYear(), c.statedMet());
        }
        inspection.persist();
        idempotency.complete(caller, idempotencyKey, inspection.id());
        Log.debugf("inspection %s recorded as DRAFT with %d commune(s)", inspection.id(), request.communes().size());
        return views.view(inspection);
    }

    /** An inspection of a province the caller may not read answers 404, as an unknown one does. */
    @Transactional
    public Tagged<InspectionView> get(Caller caller, UUID id) {
        return get(caller, id, null);
    }

    /**
     * The record with the findings of {@code findingsVersion} (1 = as finalized; null = the latest). A version the
     * inspection does not have answers 404.
     */
    @Transactional
    public Tagged<InspectionView> get(Caller caller, UUID id, Integer findingsVersion) {
        Inspection inspection = readable(caller, id);
        if (findingsVersion == null || findingsVersion == inspection.findingsVersion()) {
            return new Tagged<>(views.view(inspection), inspection.version());
        }
        FindingsVersions.Stored stored = (findingsVersion < 1 || findingsVersion > inspection.findingsVersion()
                ? Optional.<FindingsVersions.Stored>empty() : versions.find(id, findingsVersion))
                .orElseThrow(() -> ServiceException.notFound(LocalizedText.of("inspection.version.notFound",
                        findingsVersion, inspection.findingsVersion())));
        return new Tagged<>(views.view(inspection, stored.communes(), stored.version()), inspection.version());
    }

    /** The corrections of an inspection, oldest first (none for one never corrected). */
    @Transactional
    public List<CorrectionView> corrections(Caller caller, UUID id) {
        readable(caller, id);
        return versions.corrections(id).stream().map(InspectionService::correctionView).toList();
    }

    private Inspection readable(Caller caller, UUID id) {
        return Inspection.<Inspection>findByIdOptional(id)
                .filter(i -> caller.mayRead(i.provinceCode()))
                .orElseThrow(() -> notFound(id));
    }

    private static CorrectionView correctionView(FindingsVersions.Stored stored) {
        return new CorrectionView(stored.version(), stored.reason(), stored.createdBy(), stored.createdAt(),
                stored.communes().stream().map(FindingsVersions.CommuneFindings::code).toList());
    }

    /**
     * Corrects (đính chính) a FINALIZED inspection: each commune of the request gets exactly the findings given,
     * checked as {@code PUT .../findings} checks them and complete as finalize requires; the findings become version
     * N+1 with the reason, the caller's token subject and the time; version 1 (as finalized) stays readable. Writes
     * {@code ntm.inspection.corrected} with the whole corrected record to the outbox in the same transaction.
     * {@code If-Match} must carry the inspection's current version: of two corrections of one version, the second
     * gets 412. Refused input changes nothing.
     */
    @Transactional
    public Tagged<CorrectionView> correct(Caller caller, UUID id, String ifMatch, CorrectionInput request) {
        Inspection inspection = writable(caller, id);
        requireVersion(inspection, ifMatch);
        inspection.ensureFinalized();
        List<FieldError> malformed = new ArrayList<>();
        for (int c = 0; c < request.communes().size(); c++) {
            malformed.addAll(checkFields("communes[" + c + "].findings", request.communes().get(c).findings()));
        }
        badRequestIfAny("inspection.correction.malformed", malformed);
        List<FieldError> errors = new ArrayList<>();
        if (request.reason() == null || request.reason().isBlank()) {
            errors.add(FieldError.of("reason", "inspection.correction.reason"));
        }
        Map<String, List<FindingEntry>> corrected = new LinkedHashMap<>();
        Map<String, Integer> statedMet = new LinkedHashMap<>();
        Holder<ScopeRules> rules = new Holder<>();
        for (int c = 0; c < request.communes().size(); c++) {
            String at = "communes[" + c + "]";
            Requests.CorrectionCommuneInput input = request.communes().get(c);
            Optional<InspectionCommune> commune = inspection.commune(input.code());
            if (commune.isEmpty()) {
                errors.add(FieldError.of(at + ".code", "inspection.recommendation.communeOutside", input.code()));
                continue;
            }
            if (corrected.containsKey(input.code())) {
                errors.add(FieldError.of(at + ".code", "inspection.create.communeTwice", input.code()));
                continue;
            }
            Optional<CatalogSet> set = catalog.find(commune.get().criteriaSet());
            Optional<LocalizedText> setProblem = setProblem(commune.get().criteriaSet(), set);
            if (setProblem.isPresent()) {
                errors.add(new FieldError(at + ".criteriaSet", setProblem.get()));
                continue;
            }
            List<FindingEntry> entries = checkFindings(caller, inspection, set.get(), at + ".findings",
                    input.findings(), rules, errors);
            Map<Integer, FindingResult> results = new HashMap<>();
            entries.forEach(e -> results.putIfAbsent(e.criterion(), e.result()));
            List<Integer> missing = CommuneSummary.of(results, set.get().criterionNumbers()).missingCriteria();
            if (!missing.isEmpty()) {
                errors.add(FieldError.of(at + ".findings", "inspection.finalize.missing", missing,
                        commune.get().criteriaSet()));
            }
            statedMetWithinSet(at + ".statedMet", input.statedMet(), set.get(), errors);
            corrected.put(input.code(), entries);
            if (input.statedMet() != null) {
                statedMet.put(input.code(), input.statedMet());
            }
        }
        if (!errors.isEmpty()) {
            throw RuleCodes.invalid(LocalizedText.of("inspection.correction.invalid", errors.get(0).field(),
                    errors.get(0).message()), errors);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!versions.has(id, 1)) {
            versions.record(id, 1, FindingsVersions.current(inspection), null, inspection.finalizedBy(),
                    inspection.finalizedAt());
        }
        inspection.correct(corrected, statedMet);
        em.flush();
        int version = inspection.findingsVersion();
        versions.record(id, version, FindingsVersions.current(inspection), request.reason(), caller.subject(), now);
        InspectionCorrected event = new InspectionCorrected(InspectionCorrected.SCHEMA_VERSION, id, version,
                request.reason(), caller.subject(), now, FinalizedEvent.of(views.frozen(inspection)));
        OutboxEvent.Json payload = serialized(event);
        int size = payload.utf8Length();
        if (size > config.maxEventBytes()) {
            Log.infof("correction of inspection %s not recorded: its event would be %d bytes, over"
                    + " ntm.inspection.max-event-bytes (%d)", id, size, config.maxEventBytes());
            throw ServiceException.invalid(LocalizedText.of("inspection.correction.tooLarge", size,
                    config.maxEventBytes()), List.of(FieldError.of("communes", "inspection.finalize.eventSize", size,
                    config.maxEventBytes()))).withCode(ProblemCode.EVENT_TOO_LARGE);
        }
        outbox.append(OutboxEvent.of(Topics.INSPECTION_EVENTS, id.toString(), EventTypes.INSPECTION_CORRECTED,
                payload).withDataSchema(CORRECTED_SCHEMA));
        Log.debugf("inspection %s corrected: findings version %d by %s", id, version, caller.subject());
        return new Tagged<>(new CorrectionView(version, request.reason(), caller.subject(), now,
                List.copyOf(corrected.keySet())), inspection.version());
    }

    /** A mutable slot for what a loop creates at most once (the register rules, needed only for typed orgs). */
    private static final class Holder<T> {
        private T value;
    }

    /** The notice's number of criteria met cannot exceed the criteria of the commune's set (422). */
    private static void statedMetWithinSet(String field, Integer statedMet, CatalogSet set, List<FieldError> errors) {
        if (statedMet != null && statedMet > set.criterionNumbers().size()) {
            errors.add(FieldError.of(field, "inspection.statedMet.aboveSet", statedMet, set.code(),
                    set.criterionNumbers().size()));
        }
    }

    /**
     * Makes the commune's findings exactly {@code findings}, each checked against the commune's criteria set.
     * {@code ifMatch} must carry the inspection's current version (its ETag): missing 428, stale 412.
     */
    @Transactional
    public Tagged<CommuneView> replaceFindings(Caller caller, UUID id, String communeCode, String ifMatch,
                                               List<FindingInput> findings) {
        Inspection inspection = writable(caller, id);
        InspectionCommune commune = inspection.commune(communeCode).orElseThrow(() -> ServiceException.notFound(
                LocalizedText.of("inspection.commune.notInScope")));
        requireVersion(inspection, ifMatch);
        inspection.ensureDraft();
        if (findings == null) {
            throw ServiceException.badRequest(LocalizedText.of("inspection.findings.array"), List.of());
        }
        Optional<CatalogSet> set = catalog.find(commune.criteriaSet());
        Optional<LocalizedText> setProblem = setProblem(commune.criteriaSet(), set);
        if (setProblem.isPresent()) {
            throw ServiceException.invalid(LocalizedText.of("inspection.findings.unchecked", setProblem.get()),
                    List.of(new FieldError("criteriaSet", setProblem.get())))
                    .withCode(ProblemCode.CRITERIA_SET_NOT_AVAILABLE);
        }
        badRequestIfAny("inspection.findings.malformed", checkFields("findings", findings));
        List<FieldError> errors = new ArrayList<>();
        List<FindingEntry> entries = checkFindings(caller, inspection, set.get(), "findings", findings,
                new Holder<>(), errors);
        if (!errors.isEmpty()) {
            throw RuleCodes.invalid(LocalizedText.of("inspection.findings.invalid", errors.get(0).field(),
                    errors.get(0).message()), errors);
        }
        inspection.replaceFindings(communeCode, entries);
        em.flush();
        return new Tagged<>(views.communeView(inspection, commune, set), inspection.version());
    }

    /**
     * Checks findings against the commune's set (each criterion exists once, a result, deadlines not before the
     * inspection, responsible organisations in the register and the inspection's province); errors name
     * {@code field[i]...}. {@code rules}: the register rules, loaded on the first typed organisation.
     */
    private List<FindingEntry> checkFindings(Caller caller, Inspection inspection, CatalogSet set, String field,
                                             List<FindingInput> findings, Holder<ScopeRules> rules,
                                             List<FieldError> errors) {
        Set<Integer> seen = new HashSet<>();
        List<FindingEntry> entries = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            String at = field + "[" + i + "]";
            FindingInput f = findings.get(i);
            if (f == null) {
                errors.add(FieldError.of(at, NOT_NULL));
                continue;
            }
            if (f.criterion() == null) {
                errors.add(FieldError.of(at + ".criterion", NOT_NULL));
            } else if (set.criterion(f.criterion()).isEmpty()) {
                errors.add(FieldError.of(at + ".criterion", "inspection.findings.noCriterion", f.criterion(),
                        set.code()));
            } else if (!seen.add(f.criterion())) {
                errors.add(FieldError.of(at + ".criterion", "inspection.findings.criterionTwice", f.criterion()));
            }
            if (f.result() == null) {
                errors.add(FieldError.of(at + ".result", "inspection.findings.result",
                        Arrays.stream(FindingResult.values()).map(Enum::name).toList()));
            }
            deadlineNotBeforeInspection(at + ".deadline", f.deadline(), inspection, errors);
            List<OrgRefInput> responsible = f.responsible() == null ? List.of() : f.responsible();
            for (int r = 0; r < responsible.size(); r++) {
                checkOrg(at + ".responsible[" + r + "]", responsible.get(r), errors);
                List<Violation> violations = new ArrayList<>();
                if (rules.value == null && responsible.get(r) != null && responsible.get(r).type() != null) {
                    rules.value = rules(caller, inspection.inspectedOn(), inspection.provinceCode());
                }
                organisation(rules.value, at + ".responsible[" + r + "]", responsible.get(r), violations);
                violations.forEach(v -> errors.add(new FieldError(v.field(), v.message())));
            }
            if (f.criterion() != null && f.result() != null) {
                entries.add(new FindingEntry(f.criterion(), f.result(), f.note(), f.remedy(), f.deadline(),
                        responsible.stream().filter(o -> o != null).map(OrgRefInput::toRef).toList()));
            }
        }
        return entries;
    }

    /** Adds a recommendation; with an {@code Idempotency-Key} a retry returns the first one and adds nothing. */
    @Transactional
    public RecommendationView recommend(Caller caller, UUID id, RecommendationInput request, String idempotencyKey) {
        Inspection inspection = writable(caller, id);
        Optional<UUID> earlier = idempotency.claim(caller, idempotencyKey, "POST /inspections/" + id
                + "/recommendations", request);
        if (earlier.isPresent()) {
            return inspection.recommendation(earlier.get()).map(InspectionService::recommendationView)
                    .orElseThrow(InspectionService::recommendationNotFound);
        }
        inspection.ensureDraft();
        List<FieldError> dates = new ArrayList<>();
        Limits.date("deadline", request.deadline(), Limits.FIRST_DATE, dates);
        badRequestIfAny("inspection.recommendation.malformed", dates);
        List<FieldError> errors = new ArrayList<>();
        deadlineNotBeforeInspection("deadline", request.deadline(), inspection, errors);
        checkOrg("assignee", request.assignee(), errors);
        if (request.communeCode() != null && inspection.commune(request.communeCode()).isEmpty()) {
            errors.add(FieldError.of("communeCode", "inspection.recommendation.communeOutside",
                    request.communeCode()));
        }
        if (errors.isEmpty()) {
            List<Violation> violations = new ArrayList<>();
            organisation(rules(caller, inspection.inspectedOn(), inspection.provinceCode()), "assignee",
                    request.assignee(), violations);
            violations.forEach(v -> errors.add(new FieldError(v.field(), v.message())));
        }
        if (!errors.isEmpty()) {
            throw RuleCodes.invalid(LocalizedText.of("inspection.recommendation.invalid",
                    errors.get(0).message()), errors);
        }
        Recommendation r = inspection.recommend(request.assignee().toRef(), request.communeCode(), request.content(),
                request.deadline());
        idempotency.complete(caller, idempotencyKey, r.id());
        return recommendationView(r);
    }

    /**
     * Changes the notice's fields of a DRAFT by a merge patch ({@link NoticePatch}, the limits of the create body:
     * 400 naming each field). {@code If-Match} must carry its current version (428 without, 412 stale); a FINALIZED
     * one never changes (409 {@code INSPECTION_FINALIZED}).
     */
    @Transactional
    public Tagged<InspectionView> updateNotice(Caller caller, UUID id, String ifMatch, Requests.InspectionPatch patch) {
        Inspection inspection = writable(caller, id);
        requireVersion(inspection, ifMatch);
        inspection.ensureDraft();
        List<FieldError> errors = new ArrayList<>();
        NoticeFields changed = NoticePatch.apply(inspection.notice(), patch, errors);
        badRequestIfAny("inspection.patch.malformed", errors);
        inspection.changeNotice(changed);
        em.flush();
        Log.debugf("notice fields of inspection %s (DRAFT) changed by %s", id, caller.subject());
        return new Tagged<>(views.view(inspection), inspection.version());
    }

    /**
     * Deletes a DRAFT inspection with its communes, findings and recommendations. Who may edit it may delete it;
     * {@code If-Match} must carry its current version (428 without, 412 stale); a FINALIZED one is never deleted
     * (409 {@code INSPECTION_FINALIZED}: correct it instead). The deletion is recorded in {@code inspection_deletion}
     * with the record as it was, the caller's token subject and the time. No event: a draft was never published.
     */
    @Transactional
    public void delete(Caller caller, UUID id, String ifMatch) {
        Inspection inspection = writable(caller, id);
        requireVersion(inspection, ifMatch);
        inspection.ensureDraft();
        InspectionView record = views.view(inspection);
        deletions.record(id, null, inspection.provinceCode(), caller.subject(), record);
        inspection.delete();
        Log.debugf("inspection %s (DRAFT) deleted by %s", id, caller.subject());
    }

    /**
     * Deletes one recommendation of a DRAFT inspection, by the same rules as {@link #delete}; the inspection's version
     * moves (returned for its new ETag). An id the inspection does not have answers 404.
     */
    @Transactional
    public long deleteRecommendation(Caller caller, UUID id, String recommendationId, String ifMatch) {
        Inspection inspection = writable(caller, id);
        Recommendation recommendation = parse(recommendationId).flatMap(inspection::recommendation)
                .orElseThrow(InspectionService::recommendationNotFound);
        requireVersion(inspection, ifMatch);
        inspection.ensureDraft();
        deletions.record(id, recommendation.id(), inspection.provinceCode(), caller.subject(),
                recommendationView(recommendation));
        inspection.removeRecommendation(recommendation);
        em.flush();
        Log.debugf("recommendation %s of inspection %s (DRAFT) deleted by %s", recommendation.id(), id,
                caller.subject());
        return inspection.version();
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The ids are the request's path (the problem's {@code instance}): the text for people does not repeat them. */
    private static ServiceException recommendationNotFound() {
        return ServiceException.notFound(LocalizedText.of("inspection.recommendation.notFound"));
    }

    /** A deadline set by an inspection cannot fall before the inspection itself (422). */
    private static void deadlineNotBeforeInspection(String field, LocalDate deadline, Inspection inspection,
                                                    List<FieldError> errors) {
        if (deadline != null && inspection.inspectedOn() != null && deadline.isBefore(inspection.inspectedOn())) {
            errors.add(FieldError.of(field, "inspection.deadline.beforeInspection", inspection.inspectedOn()));
        }
    }

    private static RecommendationView recommendationView(Recommendation r) {
        return new RecommendationView(r.id(), r.assignee(), r.communeCode(), r.registerDate(), r.content(),
                r.deadline());
    }

    /**
     * Checks that every criterion of each commune's set has a finding, freezes the record and writes
     * {@code ntm.inspection.finalized} to the outbox in the same transaction. An event larger than
     * {@code ntm.inspection.max-event-bytes} could never reach the broker: 422, and the record stays DRAFT.
     */
    @Transactional
    public InspectionView finalize(Caller caller, UUID id) {
        Inspection inspection = writable(caller, id);
        inspection.ensureDraft();
        List<FieldError> missing = new ArrayList<>();
        for (InspectionCommune commune : inspection.communes()) {
            CommuneSummary summary = InspectionViews.summary(commune, catalog.find(commune.criteriaSet()));
            if (!summary.missingCriteria().isEmpty()) {
                missing.add(FieldError.of("communes[" + commune.code() + "].findings",
                        "inspection.finalize.missing", summary.missingCriteria(), commune.criteriaSet()));
            }
        }
        if (!missing.isEmpty()) {
            throw ServiceException.invalid(LocalizedText.of("inspection.finalize.incomplete"), missing)
                    .withCode(ProblemCode.INSPECTION_INCOMPLETE);
        }
        inspection.finalizeAt(Instant.now(), caller.subject());
        em.flush();
        // the answer is the record as the event states it: no communes[].change, which would cost a look-up of each
        // commune's previous inspection (GET /inspections/{id} has it)
        InspectionView view = views.frozen(inspection);
        InspectionFinalized event = FinalizedEvent.of(view);
        OutboxEvent.Json payload = serialized(event);
        int size = payload.utf8Length();
        if (size > config.maxEventBytes()) {
            Log.infof("inspection %s not finalized: its %s event would be %d bytes, over ntm.inspection.max-event-bytes"
                    + " (%d)", id, EventTypes.INSPECTION_FINALIZED, size, config.maxEventBytes());
            throw ServiceException.invalid(LocalizedText.of("inspection.finalize.tooLarge", size,
                    config.maxEventBytes()), List.of(FieldError.of("communes", "inspection.finalize.eventSize", size,
                    config.maxEventBytes()))).withCode(ProblemCode.EVENT_TOO_LARGE);
        }
        outbox.append(OutboxEvent.of(Topics.INSPECTION_EVENTS, id.toString(), EventTypes.INSPECTION_FINALIZED,
                payload).withDataSchema(CloudEventHeaders.INSPECTION_FINALIZED_V2_SCHEMA));
        Log.debugf("inspection %s finalized", id);
        return view;
    }

    /** The event's JSON, written once: its size is checked and the outbox stores it as it is. */
    private OutboxEvent.Json serialized(Object event) {
        try {
            return new OutboxEvent.Json(json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize the event", e);
        }
    }

    /**
     * The inspection, locked for a change, after the scope check: 404 for a caller who may not read it (no row
     * is locked for it), 403 for one who may read but not change it.
     */
    private Inspection writable(Caller caller, UUID id) {
        String province = em.createQuery("select i.provinceCode from Inspection i where i.id = :id", String.class)
                .setParameter("id", id).getResultStream().findFirst().orElse(null);
        if (province == null || !caller.mayRead(province)) {
            throw notFound(id);
        }
        caller.requireWrite(province);
        return Inspection.<Inspection>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(id));
    }

    /** The id is the request's path (the problem's {@code instance}): the text for people does not repeat it. */
    private static ServiceException notFound(UUID id) {
        Log.debugf("inspection %s not found for this caller", id);
        return ServiceException.notFound(LocalizedText.of("inspection.notFound"));
    }

    /** The same If-Match policy as task-service: strong ETag {@code "<version>"}, 428 without, 412 when stale. */
    private static void requireVersion(Inspection inspection, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ServiceException.preconditionRequired(LocalizedText.of("inspection.ifMatch.required",
                    inspection.id()));
        }
        Long expected = EntityTags.version(ifMatch);
        if (expected == null || expected != inspection.version()) {
            throw ServiceException.staleVersion(LocalizedText.of("inspection.ifMatch.stale", inspection.version(),
                    ifMatch.strip()));
        }
    }

    /**
     * Rules as of {@code on}; organisations lie in {@code province}, the inspection's (which the caller may write:
     * its own or one its province succeeded); an administrator's organisations are not bound to a province.
     */
    private ScopeRules rules(Caller caller, java.time.LocalDate on, String province) {
        return new ScopeRules(registers.register(), sectors.sectors(), on, caller.isAdmin() ? null : province);
    }

    private static void organisation(ScopeRules rules, String field, OrgRefInput org, List<Violation> out) {
        if (rules != null && org != null && org.type() != null) {
            rules.organisation(field, org.type().name(), org.code(), out);
        }
    }

    private static Named named(Requests.AdminUnitInput unit) {
        return new Named(unit.code(), unit.name());
    }

    private static AdminUnit unit(Named named) {
        return new AdminUnit(named.code(), named.name());
    }


    private static Optional<LocalizedText> setProblem(String code, Optional<CatalogSet> set) {
        if (set.isEmpty()) {
            return Optional.of(LocalizedText.of("inspection.set.unknown", code));
        }
        if (!set.get().isPublished()) {
            return Optional.of(LocalizedText.of("inspection.set.notPublished", code,
                    LocalizedText.of("inspection.setStatus." + set.get().status())));
        }
        return Optional.empty();
    }

    /** 400 naming the first offending field in the detail of {@code key} ({0} the field, {1} its message). */
    private static void badRequestIfAny(String key, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ServiceException.badRequest(LocalizedText.of(key, errors.get(0).field(), errors.get(0).message()),
                    errors);
        }
    }

    /** What Bean Validation cannot express on the create body: date ranges and the stated figures. */
    private static List<FieldError> checkFields(CreateInspection request) {
        List<FieldError> errors = new ArrayList<>();
        Limits.date("inspectedOn", request.inspectedOn(), Limits.FIRST_DATE, errors);
        List<Requests.LegalBasisInput> legalBasis = request.legalBasis() == null ? List.of() : request.legalBasis();
        for (int i = 0; i < legalBasis.size(); i++) {
            Limits.date("legalBasis[" + i + "].issuedOn", legalBasis.get(i).issuedOn(), Limits.FIRST_LEGAL_DATE,
                    errors);
        }
        if (request.statedFigures() != null) {
            request.statedFigures().forEach((name, value) -> {
                if (name.isBlank() || name.length() > Limits.FIGURE_NAME) {
                    errors.add(FieldError.of("statedFigures", "inspection.figures.name", Limits.FIGURE_NAME));
                } else {
                    Limits.figure("statedFigures." + name, value, errors);
                }
            });
        }
        return errors;
    }

    /** Sizes, formats and dates of a findings list (400); catalog consistency is checked afterwards (422). */
    private static List<FieldError> checkFields(String field, List<FindingInput> findings) {
        List<FieldError> errors = new ArrayList<>();
        if (findings.size() > Limits.FINDINGS) {
            errors.add(FieldError.of(field, "inspection.findings.max", Limits.FINDINGS));
            return errors;
        }
        for (int i = 0; i < findings.size(); i++) {
            FindingInput f = findings.get(i);
            if (f == null) {
                continue;
            }
            String at = field + "[" + i + "]";
            Limits.length(at + ".note", f.note(), Limits.TEXT, errors);
            Limits.length(at + ".remedy", f.remedy(), Limits.TEXT, errors);
            Limits.date(at + ".deadline", f.deadline(), Limits.FIRST_DATE, errors);
            List<OrgRefInput> responsible = f.responsible() == null ? List.of() : f.responsible();
            if (responsible.size() > Limits.RESPONSIBLE) {
                errors.add(FieldError.of(at + ".responsible", "inspection.findings.responsibleMax", Limits.RESPONSIBLE));
                continue;
            }
            for (int r = 0; r < responsible.size(); r++) {
                OrgRefInput org = responsible.get(r);
                if (org != null) {
                    Limits.code(at + ".responsible[" + r + "].code", org.code(), errors);
                    Limits.length(at + ".responsible[" + r + "].name", org.name(), Limits.NAME, errors);
                }
            }
        }
        return errors;
    }

    /** A typed organisation needs its code; one without a type is free text (such as the provincial Youth Union). */
    private static void checkOrg(String field, OrgRefInput org, List<FieldError> errors) {
        if (org == null) {
            errors.add(FieldError.of(field, NOT_NULL));
        } else if (org.name() == null || org.name().isBlank()) {
            errors.add(FieldError.of(field + ".name", "jakarta.validation.constraints.NotBlank.message"));
        } else if (org.type() != null && (org.code() == null || org.code().isBlank())) {
            errors.add(FieldError.of(field + ".code", "inspection.org.codeRequired",
                    LocalizedText.of("inspection.orgType." + org.type().name())));
        }
    }

}
