package vn.ntm.inspection;

import org.junit.jupiter.api.Test;
import vn.ntm.platform.i18n.MessageCatalogs;
import vn.ntm.platform.i18n.Messages;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** inspection-service's catalog: both languages and every key the code names. */
class MessagesTest {
    @Test
    void everyKeyExistsInBothLanguagesAndEveryKeyTheCodeNamesExists() {
        assertThat(MessageCatalogs.checkModule(Messages.SERVICE_BUNDLE, Path.of("src/main/java"))).isEmpty();
    }

    @Test
    void everyLevelOfTheRegisterHasAWord() {
        for (String level : List.of("province", "district", "commune")) {
            assertThat(Messages.pattern("inspection.level." + level, Messages.VIETNAMESE)).isNotNull();
        }
    }
}
