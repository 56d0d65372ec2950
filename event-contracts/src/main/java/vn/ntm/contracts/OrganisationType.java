package vn.ntm.contracts;

/** Organisation kinds that receive tasks. */
public enum OrganisationType {
    /** Commune people's committee; code = commune code. */
    UBND_XA,
    /** District people's committee; code = district code. */
    UBND_HUYEN,
    /** Provincial department; code = {@code <provinceCode>:<sectorCode>}. */
    SO_NGANH,
    /** Provincial NTM coordination office; code = province code. */
    VP_DIEU_PHOI
}
