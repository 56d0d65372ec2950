package vn.ntm.task.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.task.shared.Caller;
import vn.ntm.task.shared.Task;
import vn.ntm.task.shared.TaskAccess;
import vn.ntm.task.shared.TaskClock;
import vn.ntm.task.shared.TaskJournal;
import vn.ntm.task.shared.TaskStatus;
import vn.ntm.task.shared.TaskTransitions;
import vn.ntm.task.shared.TaskView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The commands of a task's lifecycle (README "Lifecycle"): status moves, checked by {@link TaskTransitions}, and
 * progress notes; each writes its history entry and, for a move, its {@code ntm.task.status-changed} event in the
 * same transaction.
 */
@ApplicationScoped
public class LifecycleService {
    private final EntityManager em;
    private final TaskAccess access;
    private final TaskHistory history;
    private final TaskJournal journal;
    private final TaskClock clock;

    public LifecycleService(EntityManager em, TaskAccess access, TaskHistory history, TaskJournal journal,
                            TaskClock clock) {
        this.em = em;
        this.access = access;
        this.history = history;
        this.journal = journal;
        this.clock = clock;
    }

    /** A status change as the client asks for it (README "Lifecycle"). */
    public record StatusRequest(TaskStatus to, String note, String reason, String report) {
    }

    @Transactional
    public TaskView changeStatus(String id, String ifMatch, StatusRequest request, Caller caller) {
        Task task = access.changeable(id, caller, LockModeType.PESSIMISTIC_WRITE);
        TaskAccess.checkVersion(task, ifMatch);
        TaskStatus from = task.status();
        TaskTransitions.Verdict verdict = TaskTransitions.check(from, new TaskTransitions.Request(request.to(),
                request.reason(), request.report(), evidenceCount(task.id())), TaskAccess.relation(task, caller));
        if (verdict instanceof TaskTransitions.Illegal illegal) {
            throw ServiceException.conflict(illegal.message()).withCode(ProblemCode.TRANSITION_NOT_ALLOWED);
        } else if (verdict instanceof TaskTransitions.Forbidden forbidden) {
            throw ServiceException.forbidden(forbidden.message()).withCode(forbidden.code());
        } else if (verdict instanceof TaskTransitions.Incomplete incomplete) {
            throw ServiceException.invalid(incomplete.message(), incomplete.missing().stream()
                    .map(m -> new ServiceException.FieldError(m.field(), m.message())).toList())
                    .withCode(incomplete.code());
        }
        Instant now = clock.now();
        task.moveTo(request.to(), now);
        em.flush();
        LocalDate today = clock.today();
        journal.statusChanged(TaskAccess.snapshot(task, today), from.name(), new TaskJournal.Change(request.note(),
                blankToNull(request.reason()), blankToNull(request.report())), caller.subject(), now);
        return TaskView.of(task, today);
    }

    @Transactional
    public HistoryEntry addNote(String id, String note, Caller caller) {
        Task task = access.changeable(id, caller, LockModeType.NONE);
        journal.history(task.id(), clock.now(), caller.subject(), "NOTE", task.status().name(), task.status().name(),
                note);
        List<HistoryEntry> all = history.history(id, caller);
        return all.get(all.size() - 1);
    }

    private long evidenceCount(UUID taskId) {
        return ((Number) em.createNativeQuery("select count(*) from task_evidence where task_id = ?1")
                .setParameter(1, taskId).getSingleResult()).longValue();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
