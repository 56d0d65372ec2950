package vn.ntm.inspection.inspections;

import vn.ntm.platform.i18n.LocalizedText;

/** A correction was attempted on a DRAFT inspection, which is changed directly until it is finalized. */
public class InspectionNotFinalizedException extends RuntimeException {
    private final LocalizedText text;

    public InspectionNotFinalizedException(java.util.UUID id) {
        super("Inspection " + id + " is a DRAFT: change its findings directly; only a FINALIZED one is corrected.");
        this.text = LocalizedText.of("inspection.correction.draft", id);
    }

    public LocalizedText text() {
        return text;
    }
}
