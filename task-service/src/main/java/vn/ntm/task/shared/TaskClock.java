package vn.ntm.task.shared;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** "Today" for deadlines is the calendar day in Vietnam, whatever the server's zone. */
@ApplicationScoped
public class TaskClock {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public Instant now() {
        return Instant.now();
    }
}
