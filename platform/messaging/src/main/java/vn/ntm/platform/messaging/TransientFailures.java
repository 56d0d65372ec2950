package vn.ntm.platform.messaging;

import java.io.InterruptedIOException;
import java.net.SocketException;
import java.nio.channels.ClosedByInterruptException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure that may succeed on a later attempt (the database is down, busy, out of connections, or the
 * transaction lost a race) from one that never will (a constraint or data error): consumers retry the first kind
 * and dead-letter only the second. Pure: it looks at the exception chain and PostgreSQL's SQL states only.
 */
public final class TransientFailures {

    /** True when retrying the same work later can succeed. */
    public static boolean isTransient(Throwable failure) {
        boolean permanentState = false;
        boolean statelessSql = false;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> pending = new java.util.ArrayDeque<>();
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty()) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof InterruptedException || t instanceof InterruptedIOException
                    || t instanceof ClosedByInterruptException || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null || state.isBlank()) {
                    statelessSql = true;
                } else if (isTransientSqlState(state)) {
                    return true;
                } else {
                    permanentState = true;
                }
                if (sql.getNextException() != null) {
                    pending.add(sql.getNextException());
                }
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                pending.add(suppressed);
            }
        }
        // a SQLException without any state comes from the connection pool (acquisition timeout, pool closing)
        return statelessSql && !permanentState;
    }

    /**
     * PostgreSQL SQL states worth retrying: connection exceptions (class 08), insufficient resources (class 53: too
     * many connections, out of memory, disk full), serialization failure (40001), deadlock (40P01), statement
     * completion unknown (40003), lock not available (55P03, a lock timeout), query cancelled (57014, a statement
     * timeout), server shutting down or starting (57P01, 57P02, 57P03), I/O and system errors (58000, 58030),
     * idle-in-transaction timeout (25P03) and a read-only standby after a failover (25006).
     */
    public static boolean isTransientSqlState(String state) {
        if (state == null || state.length() != 5) {
            return false;
        }
        String upper = state.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("08") || upper.startsWith("53")
                || Set.of("40001", "40P01", "40003", "55P03", "57014", "57P01", "57P02", "57P03", "58000", "58030",
                "25P03", "25006").contains(upper);
    }

    private TransientFailures() {
    }
}
