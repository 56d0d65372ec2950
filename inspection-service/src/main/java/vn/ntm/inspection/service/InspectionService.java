package vn.ntm.inspection.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.inspection.domain.CatalogSet;
import vn.ntm.inspection.domain.CommuneSummary;
import vn.ntm.inspection.domain.FindingEntry;
import vn.ntm.inspection.domain.Inspection;
import vn.ntm.inspection.domain.InspectionCommune;
import vn.ntm.inspection.domain.Recommendation;
import vn.ntm.inspection.messaging.FinalizedEvent;
import vn.ntm.inspection.messaging.Outbox;
import vn.ntm.inspection.service.Requests.CommuneInput;
import vn.ntm.inspection.service.Requests.CreateInspection;
import vn.ntm.inspection.service.Requests.FindingInput;
import vn.ntm.inspection.service.Requests.OrgRefInput;
import vn.ntm.inspection.service.Requests.RecommendationInput;
import vn.ntm.inspection.service.ServiceException.FieldError;
import vn.ntm.inspection.service.Views.CommuneView;
import vn.ntm.inspection.service.Views.InspectionView;
import vn.ntm.inspection.service.Views.RecommendationView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Commands on inspections. Each runs in one transaction: refused input leaves nothing behind. */
@ApplicationScoped
public class InspectionService {
    private final CatalogService catalog;
    private final InspectionViews views;
    private final Outbox outbox;

    public InspectionService(CatalogService catalog, InspectionViews views, Outbox outbox) {
        this.catalog = catalog;
        this.views = views;
        this.outbox = outbox;
    }

    @Transactional
    public InspectionView create(Caller caller, CreateInspection request) {
        caller.requireWrite(request.province().code());
        badRequestIfAny("The inspection cannot be recorded", checkFields(request));
        List<FieldError> errors = new ArrayList<>();
        checkOrg("leadAgency", request.leadAgency(), errors);
        List<OrgRefInput> participants = request.participants() == null ? List.of() : request.participants();
        for (int i = 0; i < participants.size(); i++) {
            checkOrg("participants[" + i + "]", participants.get(i), errors);
        }
        Set<String> codes = new HashSet<>();
        Map<String, Optional<CatalogSet>> sets = new LinkedHashMap<>();
        for (int i = 0; i < request.communes().size(); i++) {
            CommuneInput commune = request.communes().get(i);
            if (!codes.add(commune.code())) {
                errors.add(new FieldError("communes[" + i + "].code",
                        "commune " + commune.code() + " appears more than once in this inspection"));
            }
            Optional<CatalogSet> set = sets.computeIfAbsent(commune.criteriaSet(), catalog::find);
            Optional<String> problem = setProblem(commune.criteriaSet(), set);
            if (problem.isPresent()) {
                errors.add(new FieldError("communes[" + i + "].criteriaSet", problem.get()));
            }
        }
        if (!errors.isEmpty()) {
            throw ServiceException.invalid("The inspection cannot be recorded: " + errors.get(0).message() + ".",
                    errors);
        }
        Inspection inspection = Inspection.draft(request.title(), request.inspectedOn(), request.leadAgency().toRef(),
                request.legalBasis() == null ? List.of()
                        : request.legalBasis().stream().map(Requests.LegalBasisInput::toValue).toList(),
                participants.stream().map(OrgRefInput::toRef).toList(),
                request.province().toUnit(), request.district().toUnit(), request.assessment(),
                request.statedFigures() == null ? Map.of() : request.statedFigures(), caller.subject());
        for (CommuneInput c : request.communes()) {
            inspection.addCommune(c.code(), c.name(), c.criteriaSet(), c.targetTier(), c.targetYear(), c.statedMet());
        }
        inspection.persist();
        Log.infof("inspection %s recorded as DRAFT with %d commune(s)", inspection.id(), request.communes().size());
        return views.view(inspection);
    }

    @Transactional
    public InspectionView get(Caller caller, UUID id) {
        Inspection inspection = Inspection.<Inspection>findByIdOptional(id)
                .orElseThrow(() -> ServiceException.notFound("No inspection " + id + "."));
        caller.requireRead(inspection.provinceCode());
        return views.view(inspection);
    }

    /** Makes the commune's findings exactly {@code findings}, each checked against the commune's criteria set. */
    @Transactional
    public CommuneView replaceFindings(Caller caller, UUID id, String communeCode, List<FindingInput> findings) {
        Inspection inspection = lock(id);
        caller.requireWrite(inspection.provinceCode());
        inspection.ensureDraft();
        InspectionCommune commune = inspection.commune(communeCode).orElseThrow(() -> ServiceException.notFound(
                "Commune " + communeCode + " is not in the scope of inspection " + id + "."));
        if (findings == null) {
            throw ServiceException.badRequest("The request body must be a JSON array of findings.", List.of());
        }
        Optional<CatalogSet> set = catalog.find(commune.criteriaSet());
        Optional<String> setProblem = setProblem(commune.criteriaSet(), set);
        if (setProblem.isPresent()) {
            throw ServiceException.invalid("Findings cannot be checked: " + setProblem.get() + ".",
                    List.of(new FieldError("criteriaSet", setProblem.get())));
        }
        badRequestIfAny("The findings were not recorded", checkFields(findings));
        List<FieldError> errors = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        List<FindingEntry> entries = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            String at = "findings[" + i + "]";
            FindingInput f = findings.get(i);
            if (f == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            if (f.criterion() == null) {
                errors.add(new FieldError(at + ".criterion", "must not be null"));
            } else if (set.get().criterion(f.criterion()).isEmpty()) {
                errors.add(new FieldError(at + ".criterion", "criterion " + f.criterion() + " does not exist in set "
                        + commune.criteriaSet()));
            } else if (!seen.add(f.criterion())) {
                errors.add(new FieldError(at + ".criterion", "criterion " + f.criterion() + " appears more than once"));
            }
            if (f.result() == null) {
                errors.add(new FieldError(at + ".result", "must be one of MET, NOT_MET, NOT_ASSESSED"));
            }
            List<OrgRefInput> responsible = f.responsible() == null ? List.of() : f.responsible();
            for (int r = 0; r < responsible.size(); r++) {
                checkOrg(at + ".responsible[" + r + "]", responsible.get(r), errors);
            }
            if (f.criterion() != null && f.result() != null) {
                entries.add(new FindingEntry(f.criterion(), f.result(), f.note(), f.remedy(), f.deadline(),
                        responsible.stream().filter(o -> o != null).map(OrgRefInput::toRef).toList()));
            }
        }
        if (!errors.isEmpty()) {
            throw ServiceException.invalid("The findings were not recorded: " + errors.get(0).field() + ": "
                    + errors.get(0).message() + ".", errors);
        }
        inspection.replaceFindings(communeCode, entries);
        return views.communeView(inspection, commune, set);
    }

    @Transactional
    public RecommendationView recommend(Caller caller, UUID id, RecommendationInput request) {
        Inspection inspection = lock(id);
        caller.requireWrite(inspection.provinceCode());
        inspection.ensureDraft();
        List<FieldError> dates = new ArrayList<>();
        Limits.date("deadline", request.deadline(), Limits.FIRST_DATE, dates);
        badRequestIfAny("The recommendation was not recorded", dates);
        List<FieldError> errors = new ArrayList<>();
        checkOrg("assignee", request.assignee(), errors);
        if (request.communeCode() != null && inspection.commune(request.communeCode()).isEmpty()) {
            errors.add(new FieldError("communeCode", "commune " + request.communeCode()
                    + " is not in the scope of this inspection"));
        }
        if (!errors.isEmpty()) {
            throw ServiceException.invalid("The recommendation was not recorded: " + errors.get(0).message() + ".",
                    errors);
        }
        Recommendation r = inspection.recommend(request.assignee().toRef(), request.communeCode(), request.content(),
                request.deadline());
        return new RecommendationView(r.id(), r.assignee(), r.communeCode(), r.content(), r.deadline());
    }

    /**
     * Checks that every criterion of each commune's set has a finding, freezes the record and writes
     * {@code ntm.inspection.finalized} to the outbox in the same transaction.
     */
    @Transactional
    public InspectionView finalize(Caller caller, UUID id) {
        Inspection inspection = lock(id);
        caller.requireWrite(inspection.provinceCode());
        inspection.ensureDraft();
        List<FieldError> missing = new ArrayList<>();
        for (InspectionCommune commune : inspection.communes()) {
            CommuneSummary summary = InspectionViews.summary(commune, catalog.find(commune.criteriaSet()));
            if (!summary.missingCriteria().isEmpty()) {
                missing.add(new FieldError("communes[" + commune.code() + "].findings", "no finding for criteria "
                        + summary.missingCriteria().stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + " of set " + commune.criteriaSet()));
            }
        }
        if (!missing.isEmpty()) {
            throw ServiceException.invalid("The inspection is incomplete: every criterion of each commune's set needs"
                    + " a finding (NOT_ASSESSED is allowed).", missing);
        }
        inspection.finalizeAt(Instant.now(), caller.subject());
        InspectionView view = views.view(inspection);
        outbox.add(Topics.INSPECTION_EVENTS, id.toString(), EventTypes.INSPECTION_FINALIZED, FinalizedEvent.of(view));
        Log.infof("inspection %s finalized", id);
        return view;
    }

    private static Inspection lock(UUID id) {
        return Inspection.<Inspection>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ServiceException.notFound("No inspection " + id + "."));
    }

    private static Optional<String> setProblem(String code, Optional<CatalogSet> set) {
        if (set.isEmpty()) {
            return Optional.of("criteria set " + code + " is unknown");
        }
        if (!set.get().isPublished()) {
            return Optional.of("criteria set " + code + " is " + set.get().status() + ", not PUBLISHED");
        }
        return Optional.empty();
    }

    private static void badRequestIfAny(String what, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ServiceException.badRequest(what + ": " + errors.get(0).field() + " " + errors.get(0).message()
                    + ".", errors);
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
                    errors.add(new FieldError("statedFigures", "figure names must be 1 to " + Limits.FIGURE_NAME
                            + " characters"));
                } else {
                    Limits.figure("statedFigures." + name, value, errors);
                }
            });
        }
        return errors;
    }

    /** Sizes, formats and dates of the findings body (400); catalog consistency is checked afterwards (422). */
    private static List<FieldError> checkFields(List<FindingInput> findings) {
        List<FieldError> errors = new ArrayList<>();
        if (findings.size() > Limits.FINDINGS) {
            errors.add(new FieldError("findings", "at most " + Limits.FINDINGS + " findings"));
            return errors;
        }
        for (int i = 0; i < findings.size(); i++) {
            FindingInput f = findings.get(i);
            if (f == null) {
                continue;
            }
            String at = "findings[" + i + "]";
            Limits.length(at + ".note", f.note(), Limits.TEXT, errors);
            Limits.length(at + ".remedy", f.remedy(), Limits.TEXT, errors);
            Limits.date(at + ".deadline", f.deadline(), Limits.FIRST_DATE, errors);
            List<OrgRefInput> responsible = f.responsible() == null ? List.of() : f.responsible();
            if (responsible.size() > Limits.RESPONSIBLE) {
                errors.add(new FieldError(at + ".responsible", "at most " + Limits.RESPONSIBLE + " organisations"));
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
            errors.add(new FieldError(field, "must not be null"));
        } else if (org.name() == null || org.name().isBlank()) {
            errors.add(new FieldError(field + ".name", "must not be blank"));
        } else if (org.type() != null && (org.code() == null || org.code().isBlank())) {
            errors.add(new FieldError(field + ".code", "a " + org.type() + " organisation needs its code"));
        }
    }

}
