package vn.ntm.platform.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of the {@code outbox_event} table, for the relay, the statistics and the admin endpoints. */
@ApplicationScoped
public class OutboxRows {
    private static final String ENTRY_COLUMNS = "id, event_id, topic, event_key, event_type, occurred_at, attempts,"
            + " last_error, parked_at, octet_length(payload) as payload_bytes";

    private final AgroalDataSource dataSource;

    public OutboxRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A row waiting to be sent. */
    record Pending(long id, String eventId, String topic, String key, String type, String payload, String headers,
                   Instant occurredAt) {
    }

    /** Counts at one moment: rows waiting, rows parked, age of the oldest waiting row. */
    record Stats(long pending, long parked, double lagSeconds, Instant at) {
    }

    boolean tryLock(Connection c, long lockId) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, lockId);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    List<Pending> pending(Connection c, int limit) throws SQLException {
        List<Pending> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select id, event_id, topic, event_key, event_type,"
                + " payload, headers::text as headers, occurred_at from outbox_event"
                + " where published_at is null and parked_at is null order by id limit ?")) {
            select.setInt(1, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Pending(rs.getLong("id"), rs.getString("event_id"), rs.getString("topic"),
                            rs.getString("event_key"), rs.getString("event_type"), rs.getString("payload"),
                            rs.getString("headers"), rs.getTimestamp("occurred_at").toInstant()));
                }
            }
        }
        return rows;
    }

    void markPublished(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement(
                "update outbox_event set published_at = now() where id = any(?) and published_at is null")) {
            update.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            update.executeUpdate();
        }
    }

    /** Parks a row the broker can never accept. */
    void park(Connection c, long id, String error) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update outbox_event set attempts = attempts + 1,"
                + " last_error = ?, parked_at = now() where id = ?")) {
            update.setString(1, error);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /**
     * Records a failed send. It counts as an attempt only while the broker was reachable (an outage is nobody's
     * row's fault); the row is parked once its attempts reach {@code maxAttempts} (0: never).
     *
     * @return true when the row is now parked
     */
    boolean recordFailure(Connection c, long id, String error, boolean countsAsAttempt, int maxAttempts)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update outbox_event set attempts = attempts + ?,"
                + " last_error = ?, parked_at = case when ? > 0 and attempts + ? >= ? then now() end"
                + " where id = ? returning parked_at is not null")) {
            int increment = countsAsAttempt ? 1 : 0;
            update.setInt(1, increment);
            update.setString(2, error);
            update.setInt(3, maxAttempts);
            update.setInt(4, increment);
            update.setInt(5, maxAttempts);
            update.setLong(6, id);
            try (ResultSet rs = update.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Counts, with a short query timeout: health and metrics must answer whatever the database does. */
    Stats stats() {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("select"
                + " count(*) filter (where parked_at is null),"
                + " count(*) filter (where parked_at is not null),"
                + " coalesce(extract(epoch from now() - min(occurred_at) filter (where parked_at is null)), 0)"
                + " from outbox_event where published_at is null")) {
            st.setQueryTimeout(1);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Stats(rs.getLong(1), rs.getLong(2), rs.getDouble(3), Instant.now());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox statistics: " + e.getMessage(), e);
        }
    }

    @Transactional
    public List<ParkedEvent> parked(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement("select "
                + ENTRY_COLUMNS + " from outbox_event where parked_at is not null and published_at is null"
                + " order by id limit ?")) {
            select.setInt(1, limit);
            List<ParkedEvent> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(entry(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list parked outbox rows", e);
        }
    }

    /** Makes a parked row pending again with a fresh count of attempts; empty when no such row is parked. */
    @Transactional
    public Optional<ParkedEvent> unpark(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "update outbox_event set parked_at = null, attempts = 0"
                        + " where id = ? and parked_at is not null and published_at is null returning "
                        + ENTRY_COLUMNS)) {
            update.setLong(1, id);
            try (ResultSet rs = update.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not un-park outbox row " + id, e);
        }
    }

    @Transactional
    public int purgePublishedBefore(Duration retention) {
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "delete from outbox_event where published_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge published outbox rows", e);
        }
    }

    private static ParkedEvent entry(ResultSet rs) throws SQLException {
        Timestamp parkedAt = rs.getTimestamp("parked_at");
        return new ParkedEvent(rs.getLong("id"), UUID.fromString(rs.getString("event_id")), rs.getString("topic"),
                rs.getString("event_key"), rs.getString("event_type"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getInt("attempts"), rs.getString("last_error"), parkedAt == null ? null : parkedAt.toInstant(),
                rs.getLong("payload_bytes"));
    }
}
