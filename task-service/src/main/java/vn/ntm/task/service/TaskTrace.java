package vn.ntm.task.service;

import vn.ntm.platform.tracing.TraceContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The trace a task was created in. The column {@code task.trace_id} defaults to the transaction-local setting
 * {@code ntm.trace_id} (migration V14), so every insert path of the transaction records it without naming the
 * column; the setting ends with the transaction, so a pooled connection never carries it further.
 */
final class TaskTrace {
    private TaskTrace() {
    }

    /** Makes the current trace id (if any) the {@code trace_id} of the tasks this transaction inserts. */
    static void recordCurrentTrace(Connection c) throws SQLException {
        Optional<String> traceId = TraceContext.currentTraceId();
        if (traceId.isEmpty()) {
            return;
        }
        try (PreparedStatement set = c.prepareStatement("select set_config('ntm.trace_id', ?, true)")) {
            set.setString(1, traceId.get());
            set.execute();
        }
    }
}
