package vn.ntm.task.lifecycle;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ntm.task.shared.TaskClock;

import java.time.LocalDate;

/** Periodically marks overdue and due-soon tasks; exactly-once is the service's job, not the schedule's. */
@ApplicationScoped
public class DeadlineScheduler {
    private final DeadlineService deadlines;
    private final TaskClock clock;

    public DeadlineScheduler(DeadlineService deadlines, TaskClock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Scheduled(every = "${ntm.tasks.deadline-check-every:1m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        LocalDate today = clock.today();
        try {
            int overdue = 0;
            for (int n; (n = deadlines.markOverdue(today)) > 0; ) {
                overdue += n;
            }
            int dueSoon = 0;
            for (int n; (n = deadlines.remindDueSoon(today)) > 0; ) {
                dueSoon += n;
            }
            if (overdue + dueSoon > 0) {
                Log.infof("deadlines on %s: %d task(s) became overdue, %d reminded", today, overdue, dueSoon);
            }
        } catch (RuntimeException e) {
            Log.warnf("deadline check failed, retrying at the next run: %s", e.getMessage());
        }
    }
}
