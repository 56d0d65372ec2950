package vn.ntm.task;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ntm.task.shared.TaskClock;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The test application's {@link TaskClock}: the real day unless a test sets one ({@link #set}, always undone with
 * {@link #reset} in a {@code finally} or {@code @AfterEach}), e.g. a day before the 2025 reorganisation while the
 * districts still exist.
 */
@Mock
@ApplicationScoped
public class FixedClock extends TaskClock {
    private final AtomicReference<LocalDate> today = new AtomicReference<>();

    public void set(LocalDate day) {
        today.set(day);
    }

    public void reset() {
        today.set(null);
    }

    @Override
    public LocalDate today() {
        LocalDate fixed = today.get();
        return fixed == null ? super.today() : fixed;
    }
}
