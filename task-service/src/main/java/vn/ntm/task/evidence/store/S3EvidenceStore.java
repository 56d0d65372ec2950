package vn.ntm.task.evidence.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Files kept as objects of an S3-compatible bucket, key {@code <prefix><taskId>/<evidenceId>}. Consistency with the
 * task's data, without a distributed transaction:
 * <ul>
 * <li>the object is written <em>before</em> its row, inside the row's transaction, so a committed row always points
 * at an object (an object is deleted only after the deletion of its row has committed);</li>
 * <li>when that transaction rolls back, the object is deleted right after (a transaction synchronization);</li>
 * <li>an object without a row is never served (downloads go through the row) and, should the process die between
 * the write and the commit or the delete fail, {@link #sweepOrphans} deletes it once it is older than any
 * transaction can be.</li>
 * </ul>
 * The upload streams from the spooled file with its known length; the download streams the object's body.
 */
public class S3EvidenceStore implements EvidenceStore, AutoCloseable {
    public static final String NAME = "s3";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final TransactionSynchronizationRegistry transactions;
    private final AgroalDataSource dataSource;

    public S3EvidenceStore(S3Client s3, String bucket, String prefix, TransactionSynchronizationRegistry transactions,
                           AgroalDataSource dataSource) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.transactions = transactions;
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return NAME;
    }

    public String bucket() {
        return bucket;
    }

    /** The key of a file's object. */
    public String key(NewEvidence evidence) {
        return prefix + evidence.taskId() + "/" + evidence.id();
    }

    @Override
    public void insert(Connection connection, NewEvidence evidence, Path file) throws SQLException {
        String key = key(evidence);
        // registered first: a write that failed half-way (a timeout after the server kept it) is deleted too
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_ROLLEDBACK) {
                    deleteQuietly(key);
                }
            }
        });
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(evidence.contentType())
                .contentLength(evidence.size()), RequestBody.fromFile(file));
        EvidenceRows.insert(connection, evidence, NAME, key, null);
    }

    /**
     * The row is deleted in the caller's transaction, the object once that transaction has committed: a committed
     * row never points at a missing object. Should that delete fail, the object has no row any more and the orphan
     * sweep deletes it.
     */
    @Override
    public void delete(Connection connection, StoredEvidence evidence) throws SQLException {
        String key = evidence.objectKey();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    deleteQuietly(key);
                }
            }
        });
        EvidenceRows.delete(connection, evidence.id());
    }

    @Override
    public void copy(StoredEvidence evidence, OutputStream out) throws IOException {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket)
                .key(evidence.objectKey()))) {
            transfer(in, out);
        }
    }

    private static void transfer(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
        }
    }

    /**
     * Deletes the objects under the prefix that were written before {@code writtenBefore} and have no row: left by a
     * process that died between writing an object and committing its row, or by a failed delete after a rollback.
     * Returns how many were deleted.
     */
    public int sweepOrphans(Instant writtenBefore) {
        int deleted = 0;
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = s3.listObjectsV2(ListObjectsV2Request.builder().bucket(bucket)
                    .prefix(prefix).continuationToken(continuation).build());
            List<String> old = page.contents().stream().filter(o -> o.lastModified().isBefore(writtenBefore))
                    .map(S3Object::key).toList();
            if (!old.isEmpty()) {
                Set<String> withRow = withRow(old);
                for (String key : old) {
                    if (!withRow.contains(key)) {
                        Log.infof("deleting evidence object %s of bucket %s: it has no row", key, bucket);
                        s3.deleteObject(b -> b.bucket(bucket).key(key));
                        deleted++;
                    }
                }
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return deleted;
    }

    private Set<String> withRow(List<String> keys) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select object_key from task_evidence where object_key = any (?)")) {
            Array array = c.createArrayOf("text", keys.toArray());
            st.setArray(1, array);
            Set<String> found = new HashSet<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up evidence rows", e);
        }
    }

    private void deleteQuietly(String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (RuntimeException e) {
            Log.warnf("could not delete evidence object %s of bucket %s (the orphan sweep will): %s",
                    key, bucket, e.getMessage());
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
