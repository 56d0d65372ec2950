package vn.ntm.criteria.register;

/**
 * What a code means during one validity: two versions of a code with equal attributes and adjacent validity are one
 * version. {@code provinceCode} is the province the unit lies in (its own code for a province).
 */
public record UnitAttributes(String name, String type, AdminLevel level, String parentCode, String provinceCode) {
}
