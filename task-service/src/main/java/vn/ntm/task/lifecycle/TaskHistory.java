package vn.ntm.task.lifecycle;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.task.shared.Caller;
import vn.ntm.task.shared.Task;
import vn.ntm.task.shared.TaskAccess;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads a task's history ({@code task_history}, written by every feature through {@code TaskJournal}). */
@ApplicationScoped
public class TaskHistory {
    private final AgroalDataSource dataSource;
    private final TaskAccess access;

    public TaskHistory(AgroalDataSource dataSource, TaskAccess access) {
        this.dataSource = dataSource;
        this.access = access;
    }

    /** Every entry, oldest first; 404 when the caller may not see the task. */
    @Transactional
    public List<HistoryEntry> history(String id, Caller caller) {
        Task task = access.readable(id, caller);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select id, at, actor, action, from_status, to_status, note, reason, report from task_history"
                        + " where task_id = ? order by id")) {
            st.setObject(1, task.id());
            List<HistoryEntry> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                            rs.getString("actor"), rs.getString("action"), rs.getString("from_status"),
                            rs.getString("to_status"), rs.getString("note"), rs.getString("reason"),
                            rs.getString("report")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the history of task " + id, e);
        }
    }
}
