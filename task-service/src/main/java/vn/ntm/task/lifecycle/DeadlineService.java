package vn.ntm.task.lifecycle;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.task.shared.TaskClock;
import vn.ntm.task.shared.TaskJournal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Marks tasks overdue and due soon, each exactly once: the conditional UPDATE claims rows that are not yet
 * marked ({@code FOR UPDATE SKIP LOCKED}, so a second instance skips them) and the event goes to the outbox in the
 * same transaction. A restart finds the marks in the database.
 */
@ApplicationScoped
public class DeadlineService {
    private static final String RETURNING = " returning id, inspection_id, commune_code, criterion, assignee_type,"
            + " assignee_code, assignee_name, title, due_date, status, version, source_as_of, assignee_as_of,"
            + " latest_inspection_id, province_code";

    private final AgroalDataSource dataSource;
    private final TaskJournal journal;
    private final TaskClock clock;
    private final int reminderDays;
    private final int batchSize;

    public DeadlineService(AgroalDataSource dataSource, TaskJournal journal, TaskClock clock,
                           @ConfigProperty(name = "ntm.tasks.reminder-days", defaultValue = "7") int reminderDays,
                           @ConfigProperty(name = "ntm.tasks.deadline-batch-size", defaultValue = "500") int batchSize) {
        this.dataSource = dataSource;
        this.journal = journal;
        this.clock = clock;
        this.reminderDays = reminderDays;
        this.batchSize = batchSize;
    }

    /** Marks one batch of tasks whose due date is before {@code today}; returns how many it marked. */
    @Transactional
    public int markOverdue(LocalDate today) {
        List<TaskJournal.Snapshot> marked = claim("update task set overdue_notified_at = now() where id in ("
                + " select id from task where status in ('OPEN', 'IN_PROGRESS', 'RETURNED') and due_date < ?"
                + " and overdue_notified_at is null order by due_date, id limit ? for update skip locked)"
                + " and overdue_notified_at is null" + RETURNING, today, null, true);
        Instant now = clock.now();
        marked.forEach(task -> journal.overdue(task, now));
        return marked.size();
    }

    /** Reminds once about tasks due within {@code ntm.tasks.reminder-days} days from {@code today}. */
    @Transactional
    public int remindDueSoon(LocalDate today) {
        List<TaskJournal.Snapshot> marked = claim("update task set due_soon_notified_at = now() where id in ("
                + " select id from task where status in ('OPEN', 'IN_PROGRESS', 'RETURNED') and due_date >= ? and due_date <= ?"
                + " and due_soon_notified_at is null order by due_date, id limit ? for update skip locked)"
                + " and due_soon_notified_at is null" + RETURNING, today, today.plusDays(reminderDays), false);
        Instant now = clock.now();
        marked.forEach(task -> journal.dueSoon(task, now));
        return marked.size();
    }

    public int reminderDays() {
        return reminderDays;
    }

    private List<TaskJournal.Snapshot> claim(String sql, LocalDate from, LocalDate to, boolean overdue) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            int i = 1;
            update.setDate(i++, Date.valueOf(from));
            if (to != null) {
                update.setDate(i++, Date.valueOf(to));
            }
            update.setInt(i, batchSize);
            List<TaskJournal.Snapshot> out = new ArrayList<>();
            try (ResultSet rs = update.executeQuery()) {
                while (rs.next()) {
                    out.add(new TaskJournal.Snapshot(rs.getObject("id", UUID.class),
                            rs.getObject("inspection_id", UUID.class),
                            rs.getObject("latest_inspection_id", UUID.class), rs.getString("province_code"),
                            rs.getString("commune_code"),
                            rs.getObject("source_as_of", LocalDate.class), rs.getObject("criterion", Integer.class),
                            new OrganisationRef(rs.getString("assignee_type"), rs.getString("assignee_code"),
                                    rs.getString("assignee_name")),
                            rs.getObject("assignee_as_of", LocalDate.class),
                            rs.getString("title"), rs.getDate("due_date").toLocalDate(), rs.getString("status"),
                            overdue, rs.getLong("version")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark task deadlines", e);
        }
    }
}
