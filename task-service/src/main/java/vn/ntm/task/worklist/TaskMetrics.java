package vn.ntm.task.worklist;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ntm.task.shared.TaskClock;
import vn.ntm.task.shared.TaskStatus;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Gauges read on scrape: tasks by status ({@code ntm_tasks{status=...}}) and overdue tasks. */
@Startup
@ApplicationScoped
public class TaskMetrics {
    private final AgroalDataSource dataSource;
    private final TaskClock clock;

    public TaskMetrics(AgroalDataSource dataSource, TaskClock clock, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.clock = clock;
        for (TaskStatus status : TaskStatus.values()) {
            Gauge.builder("ntm.tasks", this, m -> m.count("select count(*) from task where status = ?",
                            status.name()))
                    .tag("status", status.name()).description("tasks by status").register(registry);
        }
        Gauge.builder("ntm.tasks.overdue", this, m -> m.count("select count(*) from task where status in"
                        + " ('OPEN', 'IN_PROGRESS', 'RETURNED') and due_date < ?", null))
                .description("open tasks past their due date (Asia/Ho_Chi_Minh)").register(registry);
    }

    private double count(String sql, String status) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            if (status != null) {
                st.setString(1, status);
            } else {
                st.setDate(1, Date.valueOf(clock.today()));
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
