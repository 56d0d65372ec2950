package vn.ntm.platform.outbox;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Reads the outbox table as the tests check it. */
final class OutboxTable {

    /** One row as stored. */
    record Row(long id, UUID eventId, Instant publishedAt, int attempts, String lastError, Instant parkedAt,
               String headers) {
        boolean published() {
            return publishedAt != null;
        }

        boolean parked() {
            return parkedAt != null;
        }
    }

    static Row row(AgroalDataSource db, UUID eventId) {
        try (Connection c = db.getConnection(); PreparedStatement select = c.prepareStatement("select id, event_id,"
                + " published_at, attempts, last_error, parked_at, headers::text from outbox_event where event_id = ?")) {
            select.setObject(1, eventId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no outbox row for event " + eventId);
                }
                return new Row(rs.getLong(1), UUID.fromString(rs.getString(2)), instant(rs.getTimestamp(3)),
                        rs.getInt(4), rs.getString(5), instant(rs.getTimestamp(6)), rs.getString(7));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(AgroalDataSource db, String sql) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private OutboxTable() {
    }
}
