package vn.ntm.task.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation attached to a task without being its assignee: a cooperating department (phối hợp) of the
 * criterion. It sees the task and adds notes and evidence; the lifecycle stays the assignee's and the verifiers'.
 * Written by the consumer (plain SQL); read here for visibility.
 */
@Entity
@Table(name = "task_participant")
public class TaskParticipant {
    public static final String COOPERATING = "COOPERATING";

    @Id
    private Long id;
    @Column(name = "task_id")
    private UUID taskId;
    @Column(name = "org_type")
    private String orgType;
    @Column(name = "org_code")
    private String orgCode;
    @Column(name = "org_name")
    private String orgName;
    private String role;
    @Column(name = "added_at")
    private Instant addedAt;

    protected TaskParticipant() {
    }

    public UUID taskId() { return taskId; }
    public String orgType() { return orgType; }
    public String orgCode() { return orgCode; }
    public String orgName() { return orgName; }
    public String role() { return role; }
}
