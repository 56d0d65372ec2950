package vn.ntm.criteria.sets;

/** NTM, advanced NTM (nâng cao) and model NTM (kiểu mẫu). */
public enum Tier {
    NTM, NTM_NANG_CAO, NTM_KIEU_MAU
}
