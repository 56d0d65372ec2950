package vn.ntm.task.shared;

import io.quarkus.logging.Log;
import vn.ntm.contracts.ReferenceSnapshots;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The snapshot versions of {@code criteria-reference} the register, sector and catalog copies hold, one per key
 * ({@code reference_snapshot}): a copy applies a snapshot only when it supersedes the one it holds.
 */
public final class ReferenceVersions {
    private ReferenceVersions() {
    }

    /**
     * On the caller's transaction's connection: whether the snapshot {@code version} of {@code key} (null:
     * unversioned) is to be applied; if so and it is versioned, it becomes the version held, locked until the
     * transaction ends.
     */
    public static boolean admit(Connection c, String key, Long version, UUID eventId) throws SQLException {
        Long held = null;
        try (PreparedStatement st = c.prepareStatement(
                "select version from reference_snapshot where snapshot_key = ? for update")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    held = rs.getLong(1);
                }
            }
        }
        if (!ReferenceSnapshots.supersedes(version, held)) {
            Log.infof("snapshot %s of %s (event %s) is not newer than version %s held: ignored", version, key, eventId,
                    held);
            return false;
        }
        if (version != null) {
            try (PreparedStatement st = c.prepareStatement("insert into reference_snapshot (snapshot_key, version,"
                    + " event_id, applied_at) values (?, ?, ?, now()) on conflict (snapshot_key) do update"
                    + " set version = excluded.version, event_id = excluded.event_id, applied_at = now()")) {
                st.setString(1, key);
                st.setLong(2, version);
                st.setObject(3, eventId);
                st.executeUpdate();
            }
        }
        return true;
    }
}
