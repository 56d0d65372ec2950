package vn.ntm.contracts;

/**
 * An organisation that receives or gives work. {@code type} is one of {@link OrganisationType}'s names, or null
 * for free text (an organisation with no code, such as the provincial Youth Union); {@code code} identifies it:
 * commune code, district code, {@code <provinceCode>:<sector>} or province code.
 */
public record OrganisationRef(String type, String code, String name) {
}
