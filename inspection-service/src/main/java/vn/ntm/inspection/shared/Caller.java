package vn.ntm.inspection.shared;

import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;

import java.util.List;
import java.util.Set;

/**
 * Who is calling, from the verified bearer token: subject, roles ({@code groups}), the {@code province} claim and
 * the {@code orgs} claims. Province scope rules of this service live here.
 */
public record Caller(String subject, Set<String> roles, String province, List<String> orgs) {
    public static final String ADMIN = "admin";
    public static final String INSPECTOR = "inspector";
    public static final String VIEWER = "viewer";

    public Caller {
        roles = Set.copyOf(roles);
        orgs = List.copyOf(orgs);
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

    public void requireWrite(String provinceCode) {
        if (!mayWrite(provinceCode)) {
            throw ServiceException.forbidden(LocalizedText.of("inspection.write.forbidden", provinceCode));
        }
    }

    private boolean ownProvince(String provinceCode) {
        return province != null && province.equals(provinceCode);
    }
}
