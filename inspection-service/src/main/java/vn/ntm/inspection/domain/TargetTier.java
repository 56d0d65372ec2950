package vn.ntm.inspection.domain;

/** The recognition a commune aims for: NTM, advanced NTM, model NTM. */
public enum TargetTier {
    NTM, NTM_NANG_CAO, NTM_KIEU_MAU
}
