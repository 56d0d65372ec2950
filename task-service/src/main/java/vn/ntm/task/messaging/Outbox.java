package vn.ntm.task.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes an event in the caller's transaction; {@link OutboxRelay} sends it to Kafka after the commit. */
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

    /** One event to write. */
    public record Message(String topic, String key, String type, Object data) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String topic, String key, String type, Object data) {
        return addAll(List.of(new Message(topic, key, type, data))).get(0);
    }

    /** Writes the events in the given order, in one statement; returns their event ids. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> addAll(List<Message> messages) {
        int n = messages.size();
        UUID[] ids = new UUID[n];
        String[][] columns = new String[4][n];
        try {
            for (int i = 0; i < n; i++) {
                Message m = messages.get(i);
                ids[i] = UUID.randomUUID();
                columns[0][i] = m.topic();
                columns[1][i] = m.key();
                columns[2][i] = m.type();
                columns[3][i] = json.writeValueAsString(m.data());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize an event for the outbox", e);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into outbox_event"
                     + " (event_id, topic, event_key, event_type, payload, occurred_at)"
                     + " select t.event_id, t.topic, t.event_key, t.event_type, t.payload, ?"
                     + " from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality"
                     + " as t(event_id, topic, event_key, event_type, payload, n) order by t.n")) {
            insert.setTimestamp(1, Timestamp.from(Instant.now()));
            insert.setArray(2, c.createArrayOf("uuid", ids));
            for (int column = 0; column < 4; column++) {
                insert.setArray(column + 3, c.createArrayOf("text", columns[column]));
            }
            insert.executeUpdate();
            wakeRelayAfterCommit();
            return List.of(ids);
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + n + " event(s) to the outbox", e);
        }
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
