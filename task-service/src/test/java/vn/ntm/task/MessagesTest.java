package vn.ntm.task;

import org.junit.jupiter.api.Test;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.i18n.MessageCatalogs;
import vn.ntm.platform.i18n.Messages;
import vn.ntm.task.shared.AssigneeTypes;
import vn.ntm.task.shared.TaskStatus;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** task-service's catalog: both languages, every key the code names, a label for every status. */
class MessagesTest {
    @Test
    void everyKeyExistsInBothLanguagesAndEveryKeyTheCodeNamesExists() {
        assertThat(MessageCatalogs.checkModule(Messages.SERVICE_BUNDLE, Path.of("src/main/java"))).isEmpty();
    }

    @Test
    void everyStatusAndAssigneeTypeHasALabel() {
        for (TaskStatus status : TaskStatus.values()) {
            for (var language : Messages.LANGUAGES) {
                assertThat(Messages.pattern("task.status." + status, language)).as(status + " " + language)
                        .isNotNull();
            }
        }
        for (String type : AssigneeTypes.ALL) {
            for (var language : Messages.LANGUAGES) {
                assertThat(Messages.pattern("task.assigneeType." + type, language)).as(type + " " + language)
                        .isNotNull();
            }
        }
    }

    @Test
    void generatedNotesWriteDatesDayMonthYear() {
        assertThat(LocalizedText.of("task.history.overdue", java.time.LocalDate.of(2022, 10, 30))
                .in(Messages.VIETNAMESE)).isEqualTo("Quá hạn 30/10/2022");
    }
}
