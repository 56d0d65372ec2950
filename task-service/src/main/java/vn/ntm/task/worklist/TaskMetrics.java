package vn.ntm.task.worklist;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.ntm.task.shared.TaskClock;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Task gauges by province, from one grouped select reused for {@code ntm.tasks.metrics-max-age}: tasks by status
 * ({@code ntm_tasks{province,status}}) and open tasks past their due date ({@code ntm_tasks_overdue{province}}),
 * plus {@code ntm_tasks_metrics_age_seconds}, how old those figures are. The select runs on its own thread with a
 * statement timeout; a scrape waits for it at most 800 ms and otherwise reports the last figures, so a slow database
 * never hangs {@code /q/metrics}. A province's series are registered when a select first sees it (at start, then
 * at the scrapes), and report 0 once it has no such task.
 */
@ApplicationScoped
public class TaskMetrics {
    private static final String SELECT = "select coalesce(province_code, '-'), status, count(*),"
            + " count(*) filter (where status in ('OPEN', 'IN_PROGRESS', 'RETURNED') and due_date < ?)"
            + " from task group by 1, 2";
    private static final Duration MAX_WAIT = Duration.ofMillis(800);

    /** The figures of one select: tasks by (province, status), overdue tasks by province. */
    record Snapshot(Map<Key, Long> tasks, Map<String, Long> overdue, Instant at) {
    }

    record Key(String province, String status) {
    }

    private final AgroalDataSource dataSource;
    private final TaskClock clock;
    private final MeterRegistry registry;
    private final Duration maxAge;
    private final Set<Key> registeredTasks = ConcurrentHashMap.newKeySet();
    private final Set<String> registeredOverdue = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "task-metrics");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Snapshot> inFlight;
    private volatile Snapshot last;

    public TaskMetrics(AgroalDataSource dataSource, TaskClock clock, MeterRegistry registry,
                       @ConfigProperty(name = "ntm.tasks.metrics-max-age", defaultValue = "15s") Duration maxAge) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.registry = registry;
        this.maxAge = maxAge;
        Gauge.builder("ntm.tasks.metrics.age", this, m -> m.current().map(s -> Duration.between(s.at(),
                        Instant.now()).toMillis() / 1000.0).orElse(Double.NaN))
                .baseUnit("seconds").description("age of the figures ntm_tasks and ntm_tasks_overdue report")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        // the series of the provinces that have tasks are there for the first scrape
        read();
    }

    /** The figures, read again when older than the configured age; empty while none could be read. */
    Optional<Snapshot> current() {
        Snapshot known = last;
        if (known != null && known.at().isAfter(Instant.now().minus(maxAge))) {
            return Optional.of(known);
        }
        try {
            return Optional.of(read().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.ofNullable(last);
        } catch (Exception slowOrFailed) {
            return Optional.ofNullable(last);
        }
    }

    /** The select under way, or a new one: one at a time. */
    private synchronized CompletableFuture<Snapshot> read() {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = CompletableFuture.supplyAsync(this::select, executor).whenComplete((s, failure) -> {
                if (s != null) {
                    last = s;
                    register(s);
                } else {
                    Log.debugf("task gauges not read: %s", failure.getMessage());
                }
            });
        }
        return inFlight;
    }

    private Snapshot select() {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(SELECT)) {
            st.setQueryTimeout(5);
            st.setDate(1, Date.valueOf(clock.today()));
            Map<Key, Long> tasks = new HashMap<>();
            Map<String, Long> overdue = new HashMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    tasks.put(new Key(rs.getString(1), rs.getString(2)), rs.getLong(3));
                    overdue.merge(rs.getString(1), rs.getLong(4), Long::sum);
                }
            }
            return new Snapshot(Map.copyOf(tasks), Map.copyOf(overdue), Instant.now());
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void register(Snapshot snapshot) {
        for (Key key : snapshot.tasks().keySet()) {
            if (registeredTasks.add(key)) {
                Gauge.builder("ntm.tasks", this, m -> m.current().map(s -> (double) s.tasks().getOrDefault(key, 0L))
                                .orElse(Double.NaN))
                        .tag("province", key.province()).tag("status", key.status())
                        .description("tasks by province and status").register(registry);
            }
        }
        for (String province : snapshot.overdue().keySet()) {
            if (registeredOverdue.add(province)) {
                Gauge.builder("ntm.tasks.overdue", this, m -> m.current()
                                .map(s -> (double) s.overdue().getOrDefault(province, 0L)).orElse(Double.NaN))
                        .tag("province", province)
                        .description("open tasks past their due date (Asia/Ho_Chi_Minh) by province")
                        .register(registry);
            }
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
