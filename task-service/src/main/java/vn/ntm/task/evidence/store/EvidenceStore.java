package vn.ntm.task.evidence.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Where the content of evidence files is kept (README "Evidence"). {@link #insert} runs inside the transaction that
 * writes the task's history entry and inserts the file's {@code task_evidence} row there, so the file exists for
 * readers exactly when that transaction commits. Each row records its store, so files stay readable after the
 * configured store changes.
 */
public interface EvidenceStore {
    /** The value of {@code task_evidence.store} for the files of this store. */
    String name();

    /**
     * Stores the content of a new file (spooled to {@code file}) and inserts its row on {@code connection}, which
     * belongs to the caller's transaction.
     */
    void insert(Connection connection, NewEvidence evidence, Path file) throws SQLException, IOException;

    /**
     * Deletes a file's row on {@code connection}, which belongs to the caller's transaction, and its content: with
     * the row for files kept in it, after the commit for objects (a rollback keeps both).
     */
    void delete(Connection connection, StoredEvidence evidence) throws SQLException;

    /** Writes the content of a stored file to {@code out} as it is read. */
    void copy(StoredEvidence evidence, OutputStream out) throws IOException;

    /** The description of a file about to be stored. */
    record NewEvidence(UUID id, UUID taskId, String fileName, String contentType, long size, String sha256,
                       String uploadedBy, Instant uploadedAt) {
    }

    /** Where a stored file's content is: {@code objectKey} is null for files kept in the row. */
    record StoredEvidence(UUID id, long size, String store, String objectKey) {
    }
}
