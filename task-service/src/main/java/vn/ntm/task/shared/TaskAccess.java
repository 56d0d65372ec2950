package vn.ntm.task.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.platform.http.EntityTags;
import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One task by id as the caller may have it (README "Access control"): read ({@link #readable}: 404 when it is not in
 * the caller's {@link TaskVisibility}), changed ({@link #changeable}: 403 when it is visible but not the caller's to
 * change), and the caller's relation to it. Every feature acting on one task goes through here, in its own
 * transaction.
 */
@ApplicationScoped
public class TaskAccess {
    private final EntityManager em;
    private final TaskClock clock;

    public TaskAccess(EntityManager em, TaskClock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** A task the caller may not read answers 404 as if it did not exist: its existence is not theirs to know. */
    public Task readable(String id, Caller caller) {
        Task task = find(id, LockModeType.NONE);
        if (!visible(task, caller)) {
            throw notFound(id);
        }
        return task;
    }

    /** 404 for a task the caller may not read; 403 for one it may read but not change. */
    public Task changeable(String id, Caller caller, LockModeType lock) {
        Task task = find(id, lock);
        // a cooperating department adds notes and evidence; the lifecycle's own rules keep it from moving the task
        if (!caller.canChange(task.provinceCode(), task.assignee(), task.leadAgency()) && !cooperates(task, caller)) {
            if (visible(task, caller)) {
                throw ServiceException.forbidden(LocalizedText.of("task.readOnly", id))
                        .withCode(ProblemCode.TASK_READ_ONLY);
            }
            throw notFound(id);
        }
        return task;
    }

    /** The task as the caller sees it, with its role in it. */
    public TaskView view(Task task, Caller caller) {
        return TaskView.of(task, clock.today(), role(task, cooperating(List.of(task.id()))
                .getOrDefault(task.id(), List.of()), caller));
    }

    /** The caller's part in a task: its assignee, a cooperating department, or neither (null). */
    public static String role(Task task, List<OrganisationRef> cooperating, Caller caller) {
        if (caller.isAssignee(task.assignee())) {
            return TaskView.ASSIGNEE;
        }
        return caller.isAnyOf(cooperating) ? TaskView.COOPERATING : null;
    }

    /** The cooperating departments of these tasks. */
    public Map<UUID, List<OrganisationRef>> cooperating(List<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<OrganisationRef>> out = new LinkedHashMap<>();
        em.createQuery("select p from TaskParticipant p where p.taskId in :ids order by p.id", TaskParticipant.class)
                .setParameter("ids", taskIds).getResultStream()
                .forEach(p -> out.computeIfAbsent(p.taskId(), k -> new ArrayList<>())
                        .add(new OrganisationRef(p.orgType(), p.orgCode(), p.orgName())));
        return out;
    }

    /** 428 without {@code If-Match}, 412 when it names another version than the task's. */
    public static void checkVersion(Task task, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ServiceException.preconditionRequired(LocalizedText.of("task.ifMatch.required"));
        }
        Long expected = EntityTags.version(ifMatch);
        if (expected == null || expected != task.version()) {
            throw ServiceException.staleVersion(LocalizedText.of("task.ifMatch.stale", task.version(),
                    ifMatch.strip()));
        }
    }

    public static TaskTransitions.Relation relation(Task task, Caller caller) {
        return new TaskTransitions.Relation(caller.isAssignee(task.assignee()),
                caller.isVerifier(task.provinceCode(), task.leadAgency()));
    }

    /** The task as its history entries and events carry it. */
    public static TaskJournal.Snapshot snapshot(Task task, LocalDate today) {
        return new TaskJournal.Snapshot(task.id(), task.inspectionId(), task.latestInspectionId(),
                task.provinceCode(), task.communeCode(), task.communeAsOf(),
                task.criterion(), task.assignee(), task.assigneeAsOf(), task.title(), task.dueDate(),
                task.status().name(), task.isOverdue(today), task.version());
    }

    private boolean cooperates(Task task, Caller caller) {
        return caller.has(Caller.ORG) && caller.isAnyOf(cooperating(List.of(task.id())).getOrDefault(task.id(),
                List.of()));
    }

    /** Whether the task lies in the caller's {@link TaskVisibility} scope (the condition of the lists). */
    private boolean visible(Task task, Caller caller) {
        TaskVisibility.Scope scope = TaskVisibility.read(caller, clock.today());
        if (scope.where().equals(TaskVisibility.Scope.ALL.where())) {
            return true;
        }
        TypedQuery<Long> count = em.createQuery("select count(t) from Task t where t.id = :visibleId and ("
                + scope.where() + ")", Long.class);
        scope.params().forEach(count::setParameter);
        return count.setParameter("visibleId", task.id()).getSingleResult() > 0;
    }

    private static ServiceException notFound(String id) {
        return ServiceException.notFound(LocalizedText.of("task.notFound"));
    }

    private Task find(String id, LockModeType lock) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
        Task task = em.find(Task.class, uuid, lock);
        if (task == null) {
            throw notFound(id);
        }
        return task;
    }
}
