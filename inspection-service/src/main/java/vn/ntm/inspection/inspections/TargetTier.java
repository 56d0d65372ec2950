package vn.ntm.inspection.inspections;

/**
 * The recognition a commune aims for: NTM, advanced NTM, model NTM, each including the one before it (an advanced
 * commune keeps the NTM criteria; a model commune is an advanced one that meets more).
 */
public enum TargetTier {
    NTM, NTM_NANG_CAO, NTM_KIEU_MAU;

    /**
     * Whether a criteria set of tier {@code setTier} (the catalog's {@code tier}) serves a commune aiming for this
     * tier: a set of the same tier or of a tier this one includes. A commune aiming for model NTM is still inspected
     * on the NTM criteria (Chi Lăng 2022: 10 of 19); a commune aiming for NTM is not judged by the advanced or model
     * sets. A tier the catalog names otherwise serves no target.
     */
    public boolean servedBy(String setTier) {
        for (TargetTier t : values()) {
            if (t.name().equals(setTier)) {
                return t.ordinal() <= ordinal();
            }
        }
        return false;
    }
}
