package vn.ntm.inspection.inspections;

public enum InspectionStatus {
    DRAFT, FINALIZED
}
