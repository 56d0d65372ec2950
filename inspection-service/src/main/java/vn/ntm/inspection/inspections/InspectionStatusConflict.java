package vn.ntm.inspection.inspections;

import vn.ntm.platform.i18n.LocalizedText;

import java.util.UUID;

/**
 * A change the inspection's status does not allow (409): a FINALIZED record never changes except by a correction,
 * and a DRAFT is changed directly, never corrected.
 */
public class InspectionStatusConflict extends RuntimeException {
    private final LocalizedText text;

    private InspectionStatusConflict(String message, LocalizedText text) {
        super(message);
        this.text = text;
    }

    static InspectionStatusConflict frozen(UUID id) {
        return new InspectionStatusConflict("Inspection " + id + " is FINALIZED and can no longer change.",
                LocalizedText.of("inspection.frozen", id));
    }

    static InspectionStatusConflict notFinalized(UUID id) {
        return new InspectionStatusConflict("Inspection " + id
                + " is a DRAFT: change its findings directly; only a FINALIZED one is corrected.",
                LocalizedText.of("inspection.correction.draft", id));
    }

    /** The refusal in the catalog, resolved in the answer's language. */
    public LocalizedText text() {
        return text;
    }
}
