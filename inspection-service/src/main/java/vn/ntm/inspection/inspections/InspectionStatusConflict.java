package vn.ntm.inspection.inspections;

import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.i18n.LocalizedText;

import java.util.UUID;

/**
 * A change the inspection's status does not allow (409): a FINALIZED record never changes except by a correction,
 * and a DRAFT is changed directly, never corrected.
 */
public class InspectionStatusConflict extends RuntimeException {
    private final LocalizedText text;
    private final ProblemCode code;

    private InspectionStatusConflict(String message, LocalizedText text, ProblemCode code) {
        super(message);
        this.text = text;
        this.code = code;
    }

    static InspectionStatusConflict frozen(UUID id) {
        return new InspectionStatusConflict("Inspection " + id + " is FINALIZED and can no longer change.",
                LocalizedText.of("inspection.frozen", id), ProblemCode.INSPECTION_FINALIZED);
    }

    static InspectionStatusConflict notFinalized(UUID id) {
        return new InspectionStatusConflict("Inspection " + id
                + " is a DRAFT: change its findings directly; only a FINALIZED one is corrected.",
                LocalizedText.of("inspection.correction.draft", id), ProblemCode.INSPECTION_NOT_FINALIZED);
    }

    /** The refusal in the catalog, resolved in the answer's language. */
    public LocalizedText text() {
        return text;
    }

    /** {@code INSPECTION_FINALIZED} or {@code INSPECTION_NOT_FINALIZED}. */
    public ProblemCode code() {
        return code;
    }
}
