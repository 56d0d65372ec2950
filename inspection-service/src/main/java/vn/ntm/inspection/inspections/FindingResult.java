package vn.ntm.inspection.inspections;

public enum FindingResult {
    MET, NOT_MET, NOT_ASSESSED
}
