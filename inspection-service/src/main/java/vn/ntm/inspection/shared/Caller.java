package vn.ntm.inspection.shared;

import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is calling, from the verified bearer token: subject, roles ({@code groups}), the {@code province} claim and
 * the {@code orgs} claims; {@code succeededProvinces}: the provinces the caller's province succeeded in the register
 * (Vĩnh Long 86: Bến Tre 83 and Trà Vinh 84), whose inspections its officers read and continue. Province scope rules
 * of this service live here.
 */
public record Caller(String subject, Set<String> roles, String province, List<String> orgs,
                     Set<String> succeededProvinces) {
    public static final String ADMIN = "admin";
    public static final String INSPECTOR = "inspector";
    public static final String VIEWER = "viewer";

    public Caller {
        roles = Set.copyOf(roles);
        orgs = List.copyOf(orgs);
        succeededProvinces = succeededProvinces == null ? Set.of() : Set.copyOf(succeededProvinces);
    }

    /** A caller whose province succeeded none. */
    public Caller(String subject, Set<String> roles, String province, List<String> orgs) {
        this(subject, roles, province, orgs, Set.of());
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    /** Creates, edits and finalizes inspections of {@code provinceCode}. */
    public boolean mayWrite(String provinceCode) {
        return isAdmin() || roles.contains(INSPECTOR) && ownProvince(provinceCode);
    }

    /** Reads inspections of {@code provinceCode}. */
    public boolean mayRead(String provinceCode) {
        return isAdmin() || (roles.contains(INSPECTOR) || roles.contains(VIEWER)) && ownProvince(provinceCode);
    }

    /** The only province this caller may read, or null when it may read all of them. */
    public String readScope() {
        return isAdmin() ? null : province == null ? "" : province;
    }

    /**
     * The provinces this caller may read: its own and those its province succeeded; null when it may read all of
     * them (an administrator), empty for a caller without a province.
     */
    public Set<String> readScopes() {
        if (isAdmin()) {
            return null;
        }
        if (province == null) {
            return Set.of();
        }
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add(province);
        scopes.addAll(succeededProvinces);
        return scopes;
    }

    public void requireWrite(String provinceCode) {
        if (!mayWrite(provinceCode)) {
            throw ServiceException.forbidden(LocalizedText.of("inspection.write.forbidden", provinceCode));
        }
    }

    private boolean ownProvince(String provinceCode) {
        return province != null && (province.equals(provinceCode) || succeededProvinces.contains(provinceCode));
    }
}
