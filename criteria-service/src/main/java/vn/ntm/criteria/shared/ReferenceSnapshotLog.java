package vn.ntm.criteria.shared;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.Topics;
import vn.ntm.platform.outbox.Outbox;
import vn.ntm.platform.outbox.OutboxEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Writes reference data as state to {@link Topics#CRITERIA_REFERENCE} (compacted): each snapshot takes the next
 * version of its key ({@code reference_snapshot}, locked until the caller's transaction ends, so versions of one key
 * follow the commit order) and goes to the outbox in the caller's transaction.
 */
@ApplicationScoped
public class ReferenceSnapshotLog {
    private final AgroalDataSource dataSource;
    private final Outbox outbox;

    public ReferenceSnapshotLog(AgroalDataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /**
     * Appends the snapshot of {@code key}: {@code data} receives the version it is to carry; {@code dataSchema} is
     * its {@code ce_dataschema} (null: none). Returns the version.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long append(String key, String type, LongFunction<Object> data, String dataSchema) {
        long version = nextVersion(key);
        OutboxEvent event = OutboxEvent.of(Topics.CRITERIA_REFERENCE, key, type, data.apply(version));
        outbox.append(dataSchema == null ? event : event.withDataSchema(dataSchema));
        return version;
    }

    /** One snapshot of {@link #appendAll}: its key and its data given the version it is to carry. */
    public record Snapshot(String key, LongFunction<Object> data) {
    }

    /**
     * Appends one snapshot per key, all of one type, with two statements whatever their number: the next version of
     * every key, then the outbox rows. Keys are locked in their order (callers pass them sorted).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(String type, List<Snapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return;
        }
        Map<String, Long> versions = nextVersions(snapshots.stream().map(Snapshot::key).toList());
        outbox.appendAll(snapshots.stream().map(s -> OutboxEvent.of(Topics.CRITERIA_REFERENCE, s.key(), type,
                s.data().apply(versions.get(s.key())))).toList());
    }

    /** The keys that have had a snapshot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> keys() {
        Set<String> keys = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select snapshot_key from reference_snapshot");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the reference snapshot keys", e);
        }
        return keys;
    }

    private Map<String, Long> nextVersions(List<String> keys) {
        Map<String, Long> versions = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "insert into reference_snapshot (snapshot_key, version, announced_at)"
                        + " select k, 1, now() from unnest(?::text[]) with ordinality as t(k, n) order by n"
                        + " on conflict (snapshot_key) do update set version = reference_snapshot.version + 1,"
                        + " announced_at = now() returning snapshot_key, version")) {
            st.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the next snapshot versions of " + keys.size() + " keys", e);
        }
        return versions;
    }

    private long nextVersion(String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "insert into reference_snapshot (snapshot_key, version, announced_at) values (?, 1, now())"
                        + " on conflict (snapshot_key) do update set version = reference_snapshot.version + 1,"
                        + " announced_at = now() returning version")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the next snapshot version of " + key, e);
        }
    }
}
