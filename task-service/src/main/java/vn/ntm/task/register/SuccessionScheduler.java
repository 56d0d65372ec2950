package vn.ntm.task.register;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs the register succession on a schedule, so that a change dated in the future takes effect on its day, and
 * tasks created after a change from an older inspection reach the successor; the run itself is exactly-once.
 */
@ApplicationScoped
public class SuccessionScheduler {
    private final SuccessionService succession;

    public SuccessionScheduler(SuccessionService succession) {
        this.succession = succession;
    }

    @Scheduled(every = "${ntm.tasks.succession-check-every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            succession.runDue();
        } catch (RuntimeException e) {
            Log.warnf("register succession run failed, retrying at the next run: %s", e.getMessage());
        }
    }
}
