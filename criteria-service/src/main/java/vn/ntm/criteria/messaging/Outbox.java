package vn.ntm.criteria.messaging;

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

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String topic, String key, String type, Object data) {
        UUID eventId = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into outbox_event"
                     + " (event_id, topic, event_key, event_type, payload, occurred_at) values (?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, eventId);
            insert.setString(2, topic);
            insert.setString(3, key);
            insert.setString(4, type);
            insert.setString(5, json.writeValueAsString(data));
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            wakeRelayAfterCommit();
            return eventId;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not write " + type + " to the outbox", e);
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
