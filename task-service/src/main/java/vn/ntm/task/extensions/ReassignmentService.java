package vn.ntm.task.extensions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.task.shared.Caller;
import vn.ntm.task.shared.Limits;
import vn.ntm.task.shared.Task;
import vn.ntm.task.shared.TaskAccess;
import vn.ntm.task.shared.TaskClock;
import vn.ntm.task.shared.TaskJournal;
import vn.ntm.task.shared.TaskStatus;
import vn.ntm.task.shared.TaskView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reassignment by a verifier (README "Extensions and reassignment"): the task goes to another organisation, the
 * history keeps the previous assignee and {@code originalAssignee} the first one.
 */
@ApplicationScoped
public class ReassignmentService {
    static final Set<String> ORG_TYPES = Set.of("UBND_XA", "UBND_HUYEN", "SO_NGANH", "VP_DIEU_PHOI");
    private static final Pattern ORG_CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9:._-]{0,39}$");

    private final EntityManager em;
    private final TaskAccess tasks;
    private final TaskJournal journal;
    private final TaskClock clock;

    public ReassignmentService(EntityManager em, TaskAccess tasks, TaskJournal journal, TaskClock clock) {
        this.em = em;
        this.tasks = tasks;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    public TaskView reassign(String taskId, OrganisationRef to, String reason, Caller caller) {
        Task task = tasks.changeable(taskId, caller, LockModeType.PESSIMISTIC_WRITE);
        ExtensionService.requireVerifier(task, caller, LocalizedText.of("task.extension.verifierReassigns"));
        List<ServiceException.FieldError> errors = new ArrayList<>();
        if (to == null || to.type() == null || !ORG_TYPES.contains(to.type())) {
            errors.add(ServiceException.FieldError.of("assignee.type", "task.field.oneOf", ORG_TYPES));
        }
        if (to == null || to.code() == null || !ORG_CODE.matcher(to.code()).matches()) {
            errors.add(ServiceException.FieldError.of("assignee.code", "task.field.pattern", ORG_CODE.pattern()));
        }
        if (to != null && to.name() != null && (to.name().length() > 500 || !to.name().matches(Limits.TEXT_CHARS))) {
            errors.add(ServiceException.FieldError.of("assignee.name", "task.field.textMax", 500));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(ServiceException.FieldError.of("reason", "task.field.reasonRequired"));
        }
        if (!errors.isEmpty()) {
            throw ServiceException.invalid(LocalizedText.of("task.reassign.invalid"), errors);
        }
        if (to.type().equals(task.assignee().type()) && to.code().equals(task.assignee().code())) {
            throw ServiceException.invalid(LocalizedText.of("task.reassign.same", to.type(), to.code()),
                    List.of(ServiceException.FieldError.of("assignee", "task.reassign.current")));
        }
        if (task.status() == TaskStatus.DONE || task.status() == TaskStatus.CANCELLED) {
            throw ServiceException.conflict(LocalizedText.of("task.reassign.closed", taskId, task.status()));
        }
        Instant now = clock.now();
        OrganisationRef previous = task.reassign(to, now);
        em.flush();
        journal.history(task.id(), now, caller.subject(), "REASSIGNED", task.status().name(), task.status().name(),
                new TaskJournal.Change(previous.type() + ":" + previous.code() + " → " + to.type() + ":" + to.code(),
                        reason, null));
        return tasks.view(tasks.readable(taskId, caller), caller);
    }
}
