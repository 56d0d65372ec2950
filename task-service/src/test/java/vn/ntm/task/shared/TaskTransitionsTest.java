package vn.ntm.task.shared;

import org.junit.jupiter.api.Test;
import vn.ntm.platform.i18n.Messages;
import vn.ntm.task.shared.TaskTransitions.Allowed;
import vn.ntm.task.shared.TaskTransitions.Forbidden;
import vn.ntm.task.shared.TaskTransitions.Illegal;
import vn.ntm.task.shared.TaskTransitions.Incomplete;
import vn.ntm.task.shared.TaskTransitions.Relation;
import vn.ntm.task.shared.TaskTransitions.Request;
import vn.ntm.task.shared.TaskTransitions.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ntm.task.shared.TaskStatus.CANCELLED;
import static vn.ntm.task.shared.TaskStatus.DONE;
import static vn.ntm.task.shared.TaskStatus.IN_PROGRESS;
import static vn.ntm.task.shared.TaskStatus.OPEN;
import static vn.ntm.task.shared.TaskStatus.REPORTED;
import static vn.ntm.task.shared.TaskStatus.RETURNED;

class TaskTransitionsTest {
    private static final Relation ASSIGNEE = new Relation(true, false);
    private static final Relation VERIFIER = new Relation(false, true);
    /** e.g. the coordination office on a task assigned to the coordination office */
    private static final Relation ASSIGNEE_AND_VERIFIER = new Relation(true, true);
    private static final Relation STRANGER = new Relation(false, false);

    private static Verdict move(TaskStatus from, TaskStatus to, Relation by) {
        return TaskTransitions.check(from, new Request(to, null, null, 0), by);
    }

    @Test
    void theAssigneeStartsReportsAndResumesAReturnedTask() {
        assertThat(move(OPEN, IN_PROGRESS, ASSIGNEE)).isInstanceOf(Allowed.class);
        assertThat(TaskTransitions.check(IN_PROGRESS, new Request(REPORTED, null, "Đã hoàn thành", 1), ASSIGNEE))
                .isInstanceOf(Allowed.class);
        assertThat(move(RETURNED, IN_PROGRESS, ASSIGNEE)).isInstanceOf(Allowed.class);
    }

    @Test
    void anAssigneeCannotReachDone() {
        assertThat(move(REPORTED, DONE, ASSIGNEE)).isInstanceOf(Forbidden.class);
        assertThat(move(REPORTED, DONE, ASSIGNEE_AND_VERIFIER)).isInstanceOf(Forbidden.class);
        assertThat(move(IN_PROGRESS, DONE, ASSIGNEE)).isInstanceOf(Illegal.class);
        assertThat(move(REPORTED, DONE, VERIFIER)).isInstanceOf(Allowed.class);
    }

    @Test
    void aVerifierDoesNotDoTheAssigneesMoves() {
        assertThat(move(OPEN, IN_PROGRESS, VERIFIER)).isInstanceOf(Forbidden.class);
        assertThat(TaskTransitions.check(IN_PROGRESS, new Request(REPORTED, null, "báo cáo", 1), VERIFIER))
                .isInstanceOf(Forbidden.class);
        assertThat(move(OPEN, IN_PROGRESS, STRANGER)).isInstanceOf(Forbidden.class);
    }

    @Test
    void aReportNeedsItsTextAndEvidenceOrAReasonForNone() {
        Verdict nothing = TaskTransitions.check(IN_PROGRESS, new Request(REPORTED, null, "  ", 0), ASSIGNEE);
        assertThat(nothing).isInstanceOf(Incomplete.class);
        assertThat(((Incomplete) nothing).missing()).extracting(TaskTransitions.Missing::field)
                .containsExactly("report", "reason");
        Verdict noEvidence = TaskTransitions.check(IN_PROGRESS, new Request(REPORTED, null, "Đã làm", 0), ASSIGNEE);
        assertThat(((Incomplete) noEvidence).missing()).extracting(TaskTransitions.Missing::field)
                .containsExactly("reason");
        assertThat(TaskTransitions.check(IN_PROGRESS, new Request(REPORTED, "Công trình chưa nghiệm thu", "Đã làm",
                0), ASSIGNEE)).isInstanceOf(Allowed.class);
    }

    @Test
    void returningCancellingAndReopeningNeedAReason() {
        for (TaskStatus[] m : new TaskStatus[][]{{REPORTED, RETURNED}, {DONE, RETURNED}, {OPEN, CANCELLED},
                {IN_PROGRESS, CANCELLED}, {REPORTED, CANCELLED}, {RETURNED, CANCELLED}}) {
            Verdict without = move(m[0], m[1], VERIFIER);
            assertThat(without).as(m[0] + " → " + m[1]).isInstanceOf(Incomplete.class);
            assertThat(((Incomplete) without).missing()).extracting(TaskTransitions.Missing::field)
                    .containsExactly("reason");
            assertThat(TaskTransitions.check(m[0], new Request(m[1], "Lý do", null, 0), VERIFIER))
                    .isInstanceOf(Allowed.class);
            assertThat(TaskTransitions.check(m[0], new Request(m[1], "Lý do", null, 0), ASSIGNEE))
                    .isInstanceOf(Forbidden.class);
        }
    }

    @Test
    void cancelledIsFinalAndNoStateMovesToItself() {
        for (TaskStatus to : TaskStatus.values()) {
            assertThat(move(CANCELLED, to, VERIFIER)).isInstanceOf(Illegal.class);
            assertThat(TaskTransitions.isLegal(to, to)).isFalse();
        }
        assertThat(((Illegal) move(OPEN, DONE, VERIFIER)).message().in(Messages.ENGLISH)).contains("from “Open” to “Done”")
                .contains("“In progress”, “Cancelled”");
    }

    @Test
    void theIllegalCheckComesBeforeWhoMayAndWhatIsMissing() {
        assertThat(move(OPEN, REPORTED, STRANGER)).isInstanceOf(Illegal.class);
        assertThat(move(OPEN, DONE, ASSIGNEE)).isInstanceOf(Illegal.class);
    }
}
