package vn.ntm.task.evidence.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
 * into the insert, read back in {@value #CHUNK}-byte slices, so no whole file is held in the heap either way.
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

    /** Slice by slice: the column is stored uncompressed, so each slice reads only its own TOAST chunks. */
    @Override
    @Transactional
    public void copy(StoredEvidence evidence, OutputStream out) throws IOException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select substring(content from ? for ?) from task_evidence where id = ?")) {
            for (long offset = 0; offset < evidence.size(); offset += CHUNK) {
                st.setInt(1, Math.toIntExact(offset + 1)); // substring(bytea from int for int)
                st.setInt(2, CHUNK);
                st.setObject(3, evidence.id());
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("evidence " + evidence.id() + " disappeared");
                    }
                    out.write(rs.getBytes(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read evidence " + evidence.id(), e);
        }
    }
}
