package vn.ntm.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row as the admin endpoints show it: which event, how often its send failed while the broker was
 * reachable, the last error, and when the relay parked it ({@code null} once it is pending again).
 */
public record ParkedEvent(long id, UUID eventId, String topic, String key, String type, Instant occurredAt,
                          int attempts, String lastError, Instant parkedAt, long payloadBytes) {
}
