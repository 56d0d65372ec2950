package vn.ntm.inspection.domain;

public enum FindingResult {
    MET, NOT_MET, NOT_ASSESSED
}
