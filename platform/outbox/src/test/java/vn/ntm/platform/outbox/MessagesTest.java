package vn.ntm.platform.outbox;

import org.junit.jupiter.api.Test;
import vn.ntm.platform.i18n.MessageCatalogs;
import vn.ntm.platform.i18n.Messages;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** platform-outbox's catalog: both languages and every key the code names. */
class MessagesTest {
    @Test
    void everyKeyExistsInBothLanguagesAndEveryKeyTheCodeNamesExists() {
        assertThat(MessageCatalogs.checkModule(Messages.OUTBOX_BUNDLE, Path.of("src/main/java"))).isEmpty();
    }
}
