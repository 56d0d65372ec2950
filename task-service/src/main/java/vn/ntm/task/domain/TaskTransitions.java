package vn.ntm.task.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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

    public record Missing(String field, String message) {
    }

    public sealed interface Verdict permits Allowed, Illegal, Forbidden, Incomplete {
    }

    public record Allowed(Move move) implements Verdict {
    }

    public record Illegal(String message) implements Verdict {
    }

    public record Forbidden(String message) implements Verdict {
    }

    public record Incomplete(String message, List<Missing> missing) implements Verdict {
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
            return new Illegal("A task cannot move from " + from + " to " + request.to() + "; from " + from
                    + " it can move to " + targets(from) + ".");
        }
        Move move = found.get();
        if (!caller.may(move.by())) {
            return new Forbidden(move.by() == By.ASSIGNEE
                    ? "Only the task's assignee moves it from " + from + " to " + request.to() + "."
                    : "Only a verifier (the inspection's lead agency, the province's coordination office, an"
                    + " inspector or administrator of the province) moves a task from " + from + " to "
                    + request.to() + "; the assignee never verifies its own task.");
        }
        List<Missing> missing = new ArrayList<>();
        if (move.needsReason() && blank(request.reason())) {
            missing.add(new Missing("reason", "a reason is required to move from " + from + " to "
                    + request.to()));
        }
        if (move.needsReport()) {
            if (blank(request.report())) {
                missing.add(new Missing("report", "a report of the work done is required"));
            }
            if (request.evidenceCount() == 0 && blank(request.reason())) {
                missing.add(new Missing("reason", "attach at least one piece of evidence first"
                        + " (POST /tasks/{id}/evidence), or give the reason why there is none"));
            }
        }
        if (!missing.isEmpty()) {
            return new Incomplete("The move from " + from + " to " + request.to() + " is missing "
                    + missing.stream().map(Missing::field).distinct().collect(Collectors.joining(", ")) + ".",
                    missing);
        }
        return new Allowed(move);
    }

    private static String targets(TaskStatus from) {
        List<String> to = MOVES.stream().filter(m -> m.from() == from).map(m -> m.to().name()).toList();
        return to.isEmpty() ? "nothing (it is final)" : String.join(", ", to);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
