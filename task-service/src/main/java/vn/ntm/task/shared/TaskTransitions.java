package vn.ntm.task.shared;

import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.i18n.LocalizedText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may move a task from which state to which (README "Lifecycle"). The assignee does the work and reports it; a
 * verifier (the inspection's lead agency, the province's coordination office, an inspector or administrator of the
 * province) accepts it, sends it back, cancels it or reopens it. The assignee never verifies its own task, even
 * when it is also a verifier.
 */
public final class TaskTransitions {
    private TaskTransitions() {
    }

    public enum By { ASSIGNEE, VERIFIER }

    /** One allowed move, who makes it and what it must carry. */
    public record Move(TaskStatus from, TaskStatus to, By by, boolean needsReason, boolean needsReport) {
    }

    public static final List<Move> MOVES = List.of(
            new Move(TaskStatus.OPEN, TaskStatus.IN_PROGRESS, By.ASSIGNEE, false, false),
            new Move(TaskStatus.IN_PROGRESS, TaskStatus.REPORTED, By.ASSIGNEE, false, true),
            new Move(TaskStatus.RETURNED, TaskStatus.IN_PROGRESS, By.ASSIGNEE, false, false),
            new Move(TaskStatus.REPORTED, TaskStatus.DONE, By.VERIFIER, false, false),
            new Move(TaskStatus.REPORTED, TaskStatus.RETURNED, By.VERIFIER, true, false),
            new Move(TaskStatus.DONE, TaskStatus.RETURNED, By.VERIFIER, true, false),
            new Move(TaskStatus.OPEN, TaskStatus.CANCELLED, By.VERIFIER, true, false),
            new Move(TaskStatus.IN_PROGRESS, TaskStatus.CANCELLED, By.VERIFIER, true, false),
            new Move(TaskStatus.REPORTED, TaskStatus.CANCELLED, By.VERIFIER, true, false),
            new Move(TaskStatus.RETURNED, TaskStatus.CANCELLED, By.VERIFIER, true, false));

    /** What the caller asks for: the target state, and the texts and evidence that come with it. */
    public record Request(TaskStatus to, String reason, String report, long evidenceCount) {
    }

    /** The caller's relation to the task. */
    public record Relation(boolean assignee, boolean verifier) {
        boolean may(By by) {
            return by == By.ASSIGNEE ? assignee : verifier && !assignee;
        }
    }

    /** What a move lacks, and the problem code that names it ({@code REASON_REQUIRED}, {@code EVIDENCE_REQUIRED}…). */
    public record Missing(String field, LocalizedText message, ProblemCode code) {
    }

    public sealed interface Verdict permits Allowed, Illegal, Forbidden, Incomplete {
    }

    public record Allowed(Move move) implements Verdict {
    }

    public record Illegal(LocalizedText message) implements Verdict {
    }

    /** {@code code}: {@code ASSIGNEE_ONLY} or {@code VERIFIER_ONLY}. */
    public record Forbidden(LocalizedText message, ProblemCode code) implements Verdict {
    }

    public record Incomplete(LocalizedText message, List<Missing> missing) implements Verdict {
        /** The code of the first thing missing, in the order reason, report, evidence. */
        public ProblemCode code() {
            return missing.get(0).code();
        }
    }

    public static Optional<Move> move(TaskStatus from, TaskStatus to) {
        return MOVES.stream().filter(m -> m.from() == from && m.to() == to).findFirst();
    }

    public static boolean isLegal(TaskStatus from, TaskStatus to) {
        return move(from, to).isPresent();
    }

    public static Verdict check(TaskStatus from, Request request, Relation caller) {
        Optional<Move> found = move(from, request.to());
        if (found.isEmpty()) {
            List<TaskStatus> targets = MOVES.stream().filter(m -> m.from() == from).map(Move::to).toList();
            return new Illegal(targets.isEmpty()
                    ? LocalizedText.of("task.transition.illegalFinal", Labels.status(from),
                    Labels.status(request.to()))
                    : LocalizedText.of("task.transition.illegal", Labels.status(from),
                    Labels.status(request.to()), Labels.statuses(targets)));
        }
        Move move = found.get();
        if (!caller.may(move.by())) {
            return move.by() == By.ASSIGNEE
                    ? new Forbidden(LocalizedText.of("task.transition.assigneeOnly", Labels.status(from),
                    Labels.status(request.to())),
                    ProblemCode.ASSIGNEE_ONLY)
                    : new Forbidden(LocalizedText.of("task.transition.verifierOnly", Labels.status(from),
                    Labels.status(request.to())),
                    ProblemCode.VERIFIER_ONLY);
        }
        List<Missing> missing = new ArrayList<>();
        if (move.needsReason() && blank(request.reason())) {
            missing.add(new Missing("reason", LocalizedText.of("task.transition.reasonRequired",
                    Labels.status(from), Labels.status(request.to())), ProblemCode.REASON_REQUIRED));
        }
        if (move.needsReport()) {
            if (blank(request.report())) {
                missing.add(new Missing("report", LocalizedText.of("task.transition.reportRequired"),
                        ProblemCode.REPORT_REQUIRED));
            }
            if (request.evidenceCount() == 0 && blank(request.reason())) {
                missing.add(new Missing("reason", LocalizedText.of("task.transition.evidenceRequired"),
                        ProblemCode.EVIDENCE_REQUIRED));
            }
        }
        if (!missing.isEmpty()) {
            return new Incomplete(LocalizedText.of("task.transition.incomplete", Labels.status(from),
                    Labels.status(request.to()),
                    missing.stream().map(Missing::field).distinct().toList()), missing);
        }
        return new Allowed(move);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
