package vn.ntm.task.evidence.store;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;

/** The insert of a {@code task_evidence} row, shared by the stores. */
final class EvidenceRows {
    static void insert(Connection c, EvidenceStore.NewEvidence e, String store, String objectKey, InputStream content)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into task_evidence (id, task_id, file_name, content_type, size, sha256, uploaded_by,"
                        + " uploaded_at, store, object_key, content) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, e.id());
            insert.setObject(2, e.taskId());
            insert.setString(3, e.fileName());
            insert.setString(4, e.contentType());
            insert.setLong(5, e.size());
            insert.setString(6, e.sha256());
            insert.setString(7, e.uploadedBy());
            insert.setTimestamp(8, Timestamp.from(e.uploadedAt()));
            insert.setString(9, store);
            insert.setString(10, objectKey);
            if (content == null) {
                insert.setNull(11, Types.BINARY);
            } else {
                insert.setBinaryStream(11, content, e.size());
            }
            insert.executeUpdate();
        }
    }

    static void delete(Connection c, java.util.UUID id) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from task_evidence where id = ?")) {
            delete.setObject(1, id);
            delete.executeUpdate();
        }
    }

    private EvidenceRows() {
    }
}
