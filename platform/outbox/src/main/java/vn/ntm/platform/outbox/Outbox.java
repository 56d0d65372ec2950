package vn.ntm.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import vn.ntm.platform.tracing.TraceContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The transactional outbox: writes events in the caller's transaction, so they are committed together with the
 * state change they announce. The relay sends them to Kafka after the commit; a commit that wrote events wakes it.
 */
@ApplicationScoped
public class Outbox {
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(AgroalDataSource dataSource, ObjectMapper json, TransactionSynchronizationRegistry transactions,
                  OutboxRelay relay) {
        this.dataSource = dataSource;
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Writes one event; returns its event id ({@code ce_id}, the consumers' idempotency key). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(OutboxEvent event) {
        return appendAll(List.of(event)).get(0);
    }

    /** Writes the events in the given order, in one statement; returns their event ids. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[][] columns = new String[5][n];
        // the relay sends rows on its own thread: the trace of the transaction that wrote them travels in the row
        Map<String, String> trace = TraceContext.currentHeaders();
        try {
            for (int i = 0; i < n; i++) {
                OutboxEvent e = events.get(i);
                ids[i] = UUID.randomUUID();
                columns[0][i] = e.topic();
                columns[1][i] = e.key();
                columns[2][i] = e.type();
                columns[3][i] = e.data() instanceof OutboxEvent.Json given ? given.text()
                        : json.writeValueAsString(e.data());
                Map<String, String> headers = withTrace(e.headers(), trace);
                columns[4][i] = headers.isEmpty() ? null : json.writeValueAsString(headers);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize an event for the outbox", e);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into outbox_event"
                     + " (event_id, topic, event_key, event_type, payload, headers, occurred_at)"
                     + " select t.event_id, t.topic, t.event_key, t.event_type, t.payload, t.headers::jsonb, ?"
                     + " from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                     + " with ordinality as t(event_id, topic, event_key, event_type, payload, headers, n)"
                     + " order by t.n")) {
            insert.setTimestamp(1, Timestamp.from(Instant.now()));
            insert.setArray(2, c.createArrayOf("uuid", ids));
            for (int column = 0; column < columns.length; column++) {
                insert.setArray(column + 3, c.createArrayOf("text", columns[column]));
            }
            insert.executeUpdate();
            wakeRelayAfterCommit();
            return List.of(ids);
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + n + " event(s) to the outbox", e);
        }
    }

    /** The event's own headers, plus the current trace context unless the event carries one already. */
    static Map<String, String> withTrace(Map<String, String> headers, Map<String, String> trace) {
        if (trace.isEmpty() || headers.containsKey(TraceContext.TRACEPARENT)) {
            return headers;
        }
        Map<String, String> merged = new LinkedHashMap<>(trace);
        merged.putAll(headers);
        return merged;
    }

    private void wakeRelayAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
