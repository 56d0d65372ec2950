package vn.ntm.task.evidence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ntm.platform.http.ProblemKind;
import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.ByteSize;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.i18n.Messages;
import vn.ntm.task.shared.Labels;
import vn.ntm.task.evidence.store.EvidenceStore;
import vn.ntm.task.evidence.store.EvidenceStores;
import vn.ntm.task.shared.Caller;
import vn.ntm.task.shared.Limits;
import vn.ntm.task.shared.Task;
import vn.ntm.task.shared.TaskAccess;
import vn.ntm.task.shared.TaskClock;
import vn.ntm.task.shared.TaskJournal;
import vn.ntm.task.shared.TaskStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Evidence files of a task (minh chứng): validated, typed and hashed here, their row and content written by the
 * configured {@link EvidenceStore} (PostgreSQL or an S3-compatible bucket) in the transaction that writes the task's
 * history entry. Uploads arrive spooled to disk and are streamed to the store; downloads are streamed from it, so
 * no whole file is held in the heap either way.
 */
@ApplicationScoped
public class EvidenceService {
    /** Longest file name kept, in characters. */
    public static final int NAME_MAX = 255;

    private final AgroalDataSource dataSource;
    private final TaskAccess tasks;
    private final TaskJournal journal;
    private final TaskClock clock;
    private final EvidenceStores stores;
    private final long maxSize;

    public EvidenceService(AgroalDataSource dataSource, TaskAccess tasks, TaskJournal journal, TaskClock clock,
                           EvidenceStores stores, @ConfigProperty(name = "ntm.tasks.evidence.max-size", defaultValue = "20M")
                           MemorySize maxSize) {
        this.dataSource = dataSource;
        this.tasks = tasks;
        this.journal = journal;
        this.clock = clock;
        this.stores = stores;
        this.maxSize = maxSize.asLongValue();
    }

    /** A file as the client sent it, spooled to {@code file}; its declared type is not trusted. */
    public record Upload(String fileName, Path file, long size) {
    }

    public record EvidenceView(UUID id, UUID taskId, String fileName, String contentType, long size, String sha256,
                               String uploadedBy, Instant uploadedAt) {
    }

    public long maxSize() {
        return maxSize;
    }

    @Transactional
    public EvidenceView upload(String taskId, Upload upload, Caller caller) {
        Task task = tasks.changeable(taskId, caller, LockModeType.NONE);
        if (task.status() == TaskStatus.CANCELLED || task.status() == TaskStatus.DONE) {
            throw ServiceException.conflict(LocalizedText.of("task.evidence.closed", taskId,
                    Labels.status(task.status())))
                    .withCode(ProblemCode.TASK_CLOSED);
        }
        String name = fileName(upload.fileName());
        if (upload.size() > maxSize) {
            throw new ServiceException(ProblemKind.TOO_LARGE, 413, LocalizedText.of("task.evidence.tooLarge",
                    ByteSize.of(upload.size()), ByteSize.of(maxSize)), List.of(ServiceException.FieldError.of("file",
                    "task.evidence.maxBytes", ByteSize.of(maxSize))));
        }
        if (upload.size() == 0) {
            throw ServiceException.invalid(LocalizedText.of("task.evidence.empty"), List.of(
                    ServiceException.FieldError.of("file", "task.evidence.notEmpty"))).withCode(ProblemCode.FILE_EMPTY);
        }
        String type;
        String sha256;
        try {
            type = EvidenceSniffer.sniff(upload.file());
            if (type == null) {
                throw ServiceException.unsupportedMediaType(LocalizedText.of("task.evidence.type", name),
                        List.of(ServiceException.FieldError.of("file", "task.evidence.unsupportedType")));
            }
            sha256 = sha256(upload.file());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        EvidenceStore store = stores.current();
        try (Connection c = dataSource.getConnection()) {
            store.insert(c, new EvidenceStore.NewEvidence(id, task.id(), name, type, upload.size(), sha256,
                    caller.subject(), now), upload.file());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not store evidence for task " + taskId, e);
        }
        journal.history(task.id(), now, caller.subject(), "EVIDENCE_ADDED", task.status().name(),
                task.status().name(), LocalizedText.of("task.history.evidence", name, ByteSize.of(upload.size()), sha256)
                        .in(Messages.VIETNAMESE));
        return new EvidenceView(id, task.id(), name, type, upload.size(), sha256, caller.subject(), now);
    }

    @Transactional
    public List<EvidenceView> list(String taskId, Caller caller) {
        Task task = tasks.readable(taskId, caller);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select id, task_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at"
                        + " from task_evidence where task_id = ? order by uploaded_at, id")) {
            st.setObject(1, task.id());
            List<EvidenceView> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(view(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the evidence of task " + taskId, e);
        }
    }

    /** A file to download: its description and where its content is. */
    public record Download(EvidenceView view, EvidenceStore.StoredEvidence content) {
    }

    /** The file's description, 404 when the caller may not see the task or the task has no such file. */
    @Transactional
    public Download describe(String taskId, String evidenceId, Caller caller) {
        Task task = tasks.readable(taskId, caller);
        UUID id;
        try {
            id = UUID.fromString(evidenceId);
        } catch (IllegalArgumentException e) {
            throw ServiceException.notFound(LocalizedText.of("task.evidence.notFound"));
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select id, task_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at, store,"
                        + " object_key from task_evidence where task_id = ? and id = ?")) {
            st.setObject(1, task.id());
            st.setObject(2, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw ServiceException.notFound(LocalizedText.of("task.evidence.notFound"));
                }
                EvidenceView view = view(rs);
                return new Download(view, new EvidenceStore.StoredEvidence(view.id(), view.size(),
                        rs.getString("store"), rs.getString("object_key")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read evidence " + evidenceId, e);
        }
    }

    /**
     * Deletes a file that no report holds yet (README "Evidence"): the caller must be allowed to add evidence to the
     * task (404 when it may not see it, 403 when it may only read it) and be its assignee or the file's uploader
     * (403 {@code EVIDENCE_UPLOADER_ONLY}); a task DONE or CANCELLED → 409 {@code TASK_CLOSED}, a task REPORTED or a
     * file uploaded before a report → 409 {@code EVIDENCE_REPORTED}. The row and an {@code EVIDENCE_DELETED} history
     * entry (actor: the token subject) are written in one transaction; the content goes with the row, or, for an
     * S3 object, right after the commit. No event, as for uploads.
     */
    @Transactional
    public void delete(String taskId, String evidenceId, Caller caller) {
        // locked: a report of the task waits for the deletion (and sees the files that are left)
        Task task = tasks.changeable(taskId, caller, LockModeType.PESSIMISTIC_WRITE);
        UUID id = evidenceId(taskId, evidenceId);
        EvidenceView view;
        try (Connection c = dataSource.getConnection()) {
            EvidenceStore.StoredEvidence content;
            boolean reported;
            try (PreparedStatement st = c.prepareStatement(
                    "select id, task_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at, store,"
                            + " object_key, exists (select 1 from task_history h where h.task_id = e.task_id"
                            + " and h.action = 'STATUS_CHANGED' and h.to_status = 'REPORTED'"
                            + " and h.at >= e.uploaded_at) as reported"
                            + " from task_evidence e where task_id = ? and id = ?")) {
                st.setObject(1, task.id());
                st.setObject(2, id);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw ServiceException.notFound(LocalizedText.of("task.evidence.notFound"));
                    }
                    view = view(rs);
                    content = new EvidenceStore.StoredEvidence(view.id(), view.size(), rs.getString("store"),
                            rs.getString("object_key"));
                    reported = rs.getBoolean("reported");
                }
            }
            if (!caller.isAssignee(task.assignee()) && !caller.subject().equals(view.uploadedBy())) {
                throw ServiceException.forbidden(LocalizedText.of("task.evidence.notYours", evidenceId, taskId))
                        .withCode(ProblemCode.EVIDENCE_UPLOADER_ONLY);
            }
            if (task.status() == TaskStatus.CANCELLED || task.status() == TaskStatus.DONE) {
                throw ServiceException.conflict(LocalizedText.of("task.evidence.closed", taskId,
                    Labels.status(task.status())))
                        .withCode(ProblemCode.TASK_CLOSED);
            }
            if (task.status() == TaskStatus.REPORTED || reported) {
                throw ServiceException.conflict(LocalizedText.of("task.evidence.reported", evidenceId, taskId))
                        .withCode(ProblemCode.EVIDENCE_REPORTED);
            }
            stores.of(content.store()).delete(c, content);
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete evidence " + evidenceId + " of task " + taskId, e);
        }
        journal.history(task.id(), clock.now(), caller.subject(), "EVIDENCE_DELETED", task.status().name(),
                task.status().name(), LocalizedText.of("task.history.evidence", view.fileName(),
                        ByteSize.of(view.size()), view.sha256()).in(Messages.VIETNAMESE));
    }

    private static UUID evidenceId(String taskId, String evidenceId) {
        try {
            return UUID.fromString(evidenceId);
        } catch (IllegalArgumentException e) {
            throw ServiceException.notFound(LocalizedText.of("task.evidence.notFound"));
        }
    }

    /**
     * Writes the content of a file found by {@link #describe} to {@code out} as it is read from the store its row
     * names, outside any transaction: the PostgreSQL store reads each slice with its own short statement.
     */
    public void copy(Download file, OutputStream out) throws IOException {
        EvidenceStore.StoredEvidence content = file.content();
        stores.of(content.store()).copy(content, out);
    }

    private static EvidenceView view(ResultSet rs) throws SQLException {
        return new EvidenceView(rs.getObject("id", UUID.class), rs.getObject("task_id", UUID.class),
                rs.getString("file_name"), EvidenceSniffer.served(rs.getString("content_type")), rs.getLong("size"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }

    /** The name without any directory a browser may prepend; refused when empty, too long or not text. */
    static String fileName(String raw) {
        String name = raw == null ? "" : raw;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1).strip();
        LocalizedText problem = null;
        if (name.isEmpty()) {
            problem = LocalizedText.of("task.evidence.nameMissing");
        } else if (name.length() > NAME_MAX) {
            problem = LocalizedText.of("task.evidence.nameLength", NAME_MAX);
        } else if (name.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7F)
                || !name.matches(Limits.TEXT_CHARS)) {
            problem = LocalizedText.of("task.evidence.nameChars");
        }
        if (problem != null) {
            throw ServiceException.invalid(LocalizedText.of("task.evidence.nameInvalid"), List.of(
                    new ServiceException.FieldError("file", problem))).withCode(ProblemCode.FILE_NAME_INVALID);
        }
        return name;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
