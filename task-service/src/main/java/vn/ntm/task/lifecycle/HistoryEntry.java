package vn.ntm.task.lifecycle;

import java.time.Instant;

/** One entry of a task's history: who did what when, the states before and after, and the texts it carried. */
public record HistoryEntry(long id, Instant at, String actor, String action, String from, String to,
                           String note, String reason, String report) {
}
