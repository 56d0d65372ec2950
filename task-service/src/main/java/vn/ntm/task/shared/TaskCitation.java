package vn.ntm.task.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * An inspection a task cites: the one that created it, one of the same day that found the same gap, or a later one
 * that continued it. Written by the consumer (plain SQL); read here so that an inspection's work list shows it.
 */
@Entity
@Table(name = "task_inspection")
@IdClass(TaskCitation.Key.class)
public class TaskCitation {
    @Id
    @Column(name = "task_id")
    private UUID taskId;
    @Id
    @Column(name = "inspection_id")
    private UUID inspectionId;
    @Column(name = "linked_at")
    private Instant linkedAt;

    protected TaskCitation() {
    }

    public UUID taskId() { return taskId; }
    public UUID inspectionId() { return inspectionId; }
    public Instant linkedAt() { return linkedAt; }

    /** The composite key. */
    public record Key(UUID taskId, UUID inspectionId) implements Serializable {
    }
}
