package vn.ntm.inspection.shared;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The snapshot versions of {@code criteria-reference} the local copies hold, one per key ({@code reference_snapshot}):
 * a copy applies a snapshot only when it supersedes the one it holds (platform-messaging's {@code ReferenceVersions}, on
 * the connection of the caller's transaction).
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
            return vn.ntm.platform.messaging.ReferenceVersions.admit(c, key, version, eventId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the snapshot version of " + key, e);
        }
    }
}
