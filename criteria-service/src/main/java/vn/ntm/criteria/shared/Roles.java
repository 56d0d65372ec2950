package vn.ntm.criteria.shared;

/** The roles of the {@code groups} token claim this service checks (README "Access control"). */
public final class Roles {
    /**
     * Catalog writes: create, edit, thresholds, publish, retire, provinces, import; register imports and commune
     * flags; re-announcing the reference data.
     */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
