package vn.ntm.inspection.inspections;

import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.http.ServiceException.FieldError;
import vn.ntm.platform.i18n.LocalizedText;

import java.util.List;
import java.util.Map;

/**
 * The {@code code} of a 422 whose fields break the inspection's rules: the code of the rule its first error breaks
 * (errors are listed in the order of the request), {@code VALIDATION} for a rule without a code of its own.
 */
final class RuleCodes {
    static final Map<String, ProblemCode> BY_MESSAGE = Map.ofEntries(
            Map.entry("inspection.scope.noUnit", ProblemCode.UNIT_NOT_VALID_ON_DATE),
            Map.entry("inspection.scope.noOrgUnit", ProblemCode.UNIT_NOT_VALID_ON_DATE),
            Map.entry("inspection.scope.noDistricts", ProblemCode.UNIT_NOT_VALID_ON_DATE),
            Map.entry("inspection.scope.sectorInvalid", ProblemCode.UNIT_NOT_VALID_ON_DATE),
            Map.entry("inspection.scope.outsideProvince", ProblemCode.UNIT_OUTSIDE_SCOPE),
            Map.entry("inspection.scope.communeProvince", ProblemCode.UNIT_OUTSIDE_SCOPE),
            Map.entry("inspection.scope.communeDistrict", ProblemCode.UNIT_OUTSIDE_SCOPE),
            Map.entry("inspection.scope.districtProvince", ProblemCode.UNIT_OUTSIDE_SCOPE),
            Map.entry("inspection.recommendation.communeOutside", ProblemCode.UNIT_OUTSIDE_SCOPE),
            Map.entry("inspection.scope.name", ProblemCode.UNIT_NAME_MISMATCH),
            Map.entry("inspection.scope.orgType", ProblemCode.UNKNOWN_ORGANISATION),
            Map.entry("inspection.scope.sectorCode", ProblemCode.UNKNOWN_ORGANISATION),
            Map.entry("inspection.scope.sectorUnknown", ProblemCode.UNKNOWN_ORGANISATION),
            Map.entry("inspection.set.unknown", ProblemCode.CRITERIA_SET_NOT_AVAILABLE),
            Map.entry("inspection.set.notPublished", ProblemCode.CRITERIA_SET_NOT_AVAILABLE),
            Map.entry("inspection.create.tier", ProblemCode.CRITERIA_SET_WRONG_TIER),
            Map.entry("inspection.create.communeTwice", ProblemCode.DUPLICATE_IN_REQUEST),
            Map.entry("inspection.findings.criterionTwice", ProblemCode.DUPLICATE_IN_REQUEST),
            Map.entry("inspection.findings.noCriterion", ProblemCode.UNKNOWN_CRITERION),
            Map.entry("inspection.finalize.missing", ProblemCode.INSPECTION_INCOMPLETE),
            Map.entry("inspection.deadline.beforeInspection", ProblemCode.DEADLINE_BEFORE_INSPECTION),
            Map.entry("inspection.statedMet.aboveSet", ProblemCode.STATED_MET_ABOVE_SET),
            Map.entry("inspection.figures.basisWithoutFigure", ProblemCode.FIGURE_BASIS_WITHOUT_FIGURE));

    private RuleCodes() {
    }

    /** 422 with {@code detail}, {@code errors} and the code of the first error's rule. */
    static ServiceException invalid(LocalizedText detail, List<FieldError> errors) {
        ServiceException refusal = ServiceException.invalid(detail, errors);
        ProblemCode code = errors.isEmpty() ? null : BY_MESSAGE.get(errors.get(0).message().key());
        return code == null ? refusal : refusal.withCode(code);
    }
}
