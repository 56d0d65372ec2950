package vn.ntm.inspection.shared;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.ReferenceSnapshots;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The snapshot versions of {@code criteria-reference} the local copies hold, one per key ({@code reference_snapshot}):
 * a copy applies a snapshot only when it supersedes the one it holds.
 */
@ApplicationScoped
public class ReferenceVersions {
    private final AgroalDataSource dataSource;

    public ReferenceVersions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * In the caller's transaction: whether the snapshot {@code version} of {@code key} (null: unversioned) is to be
     * applied; if so and it is versioned, it becomes the version held, locked until the transaction ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean admit(String key, Long version, UUID eventId) {
        try (Connection c = dataSource.getConnection()) {
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
                Log.infof("snapshot %s of %s (event %s) is not newer than version %s held: ignored", version, key,
                        eventId, held);
                return false;
            }
            if (version != null) {
                try (PreparedStatement st = c.prepareStatement("insert into reference_snapshot (snapshot_key,"
                        + " version, event_id, applied_at) values (?, ?, ?, now()) on conflict (snapshot_key) do update"
                        + " set version = excluded.version, event_id = excluded.event_id, applied_at = now()")) {
                    st.setString(1, key);
                    st.setLong(2, version);
                    st.setObject(3, eventId);
                    st.executeUpdate();
                }
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the snapshot version of " + key, e);
        }
    }
}
