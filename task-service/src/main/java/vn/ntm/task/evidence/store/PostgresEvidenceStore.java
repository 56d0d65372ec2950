package vn.ntm.task.evidence.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Files kept in the row ({@code task_evidence.content}, bytea stored uncompressed): streamed from the spooled upload
 * into the insert, read back in {@value #CHUNK}-byte slices by short statements, so no whole file is held in the heap
 * either way and a download pins no pooled connection while it waits on its client.
 */
@ApplicationScoped
public class PostgresEvidenceStore implements EvidenceStore {
    public static final String NAME = "postgres";
    static final int CHUNK = 256 * 1024;

    private final AgroalDataSource dataSource;

    public PostgresEvidenceStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void insert(Connection connection, NewEvidence evidence, Path file) throws SQLException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            EvidenceRows.insert(connection, evidence, NAME, null, in);
        }
    }

    /** The content goes with the row. */
    @Override
    public void delete(Connection connection, StoredEvidence evidence) throws SQLException {
        EvidenceRows.delete(connection, evidence.id());
    }

    /**
     * Slice by slice, each read by its own short statement outside any transaction: the connection goes back to the
     * pool before the slice is written to the client, so a slow client holds no connection and no transaction (a
     * stored file never changes, so the slices of separate statements make up the file). The column is stored
     * uncompressed, so each slice reads only its own TOAST chunks.
     */
    @Override
    public void copy(StoredEvidence evidence, OutputStream out) throws IOException {
        for (long offset = 0; offset < evidence.size(); offset += CHUNK) {
            out.write(slice(evidence, offset));
        }
    }

    private byte[] slice(StoredEvidence evidence, long offset) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select substring(content from ? for ?) from task_evidence where id = ?")) {
            st.setInt(1, Math.toIntExact(offset + 1)); // substring(bytea from int for int)
            st.setInt(2, CHUNK);
            st.setObject(3, evidence.id());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("evidence " + evidence.id() + " disappeared");
                }
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read evidence " + evidence.id(), e);
        }
    }
}
