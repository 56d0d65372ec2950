package vn.ntm.task.shared;

import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.i18n.Messages;

import java.util.List;

/** The words people read for the codes of a task (its status, an assignee's type), from the catalogs. */
public final class Labels {
    private Labels() {
    }

    /** A status as people name it ({@code task.status.DONE}: "Hoàn thành"). */
    public static LocalizedText status(TaskStatus status) {
        return LocalizedText.of("task.status." + status.name());
    }

    /** Statuses as people name them, each in quotes, joined in the answer's language. */
    public static List<LocalizedText> statuses(List<TaskStatus> statuses) {
        return statuses.stream().map(s -> LocalizedText.of("task.statusQuoted", status(s))).toList();
    }

    /** An assignee's type as people name it; a type without a label (an organisation's own) as it is. */
    public static Object assigneeType(String type) {
        return type != null && Messages.pattern("task.assigneeType." + type, Messages.VIETNAMESE) != null
                ? LocalizedText.of("task.assigneeType." + type) : String.valueOf(type);
    }

    /** The state of an extension request ({@code PENDING}, {@code APPROVED}, {@code REJECTED}) as people name it. */
    public static Object extensionStatus(String status) {
        return status != null && Messages.pattern("task.extensionStatus." + status, Messages.VIETNAMESE) != null
                ? LocalizedText.of("task.extensionStatus." + status) : String.valueOf(status);
    }
}
