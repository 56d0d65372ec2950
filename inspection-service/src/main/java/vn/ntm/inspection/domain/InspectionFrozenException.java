package vn.ntm.inspection.domain;

/** A change was attempted on a finalized inspection, which never changes. */
public class InspectionFrozenException extends RuntimeException {
    public InspectionFrozenException(java.util.UUID id) {
        super("Inspection " + id + " is FINALIZED and can no longer change.");
    }
}
