package vn.ntm.contracts;

/**
 * The ordering rule of the snapshots on {@link Topics#CRITERIA_REFERENCE}: each key (a province's register, the
 * sector list, a criteria set) has its own sequence of versions, increasing by one per snapshot criteria-service
 * writes. The outbox may deliver a retried record after later records of the same key, and a re-announcement sends
 * every key again, so a consumer keeps the version it holds per key and applies a snapshot only when it supersedes it.
 */
public final class ReferenceSnapshots {
    private ReferenceSnapshots() {
    }

    /**
     * Whether a snapshot of version {@code incoming} replaces a copy that holds version {@code held} (null: the copy
     * holds no versioned snapshot of the key). A snapshot without a version (an event of {@code criteria-events}, or
     * written before versions existed) is applied only to a copy that holds no versioned one.
     */
    public static boolean supersedes(Long incoming, Long held) {
        if (incoming == null) {
            return held == null;
        }
        return held == null || incoming > held;
    }
}
