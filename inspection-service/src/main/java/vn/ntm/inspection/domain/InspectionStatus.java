package vn.ntm.inspection.domain;

public enum InspectionStatus {
    DRAFT, FINALIZED
}
