package vn.ntm.inspection.inspections;

import vn.ntm.platform.i18n.LocalizedText;
/** A change was attempted on a finalized inspection, which never changes. */
public class InspectionFrozenException extends RuntimeException {
    private final LocalizedText text;

    public InspectionFrozenException(java.util.UUID id) {
        super("Inspection " + id + " is FINALIZED and can no longer change.");
        this.text = LocalizedText.of("inspection.frozen", id);
    }

    /** The refusal in the catalog, resolved in the answer's language. */
    public LocalizedText text() {
        return text;
    }
}
