package vn.ntm.inspection;

import org.junit.jupiter.api.Test;
import vn.ntm.platform.http.MessageCatalogs;
import vn.ntm.platform.http.Messages;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** inspection-service's catalog: both languages and every key the code names. */
class MessagesTest {
    @Test
    void everyKeyExistsInVietnameseAndEnglishWithTheSamePlaceholders() {
        assertThat(MessageCatalogs.checkCatalog(Messages.SERVICE_BUNDLE)).isEmpty();
        assertThat(MessageCatalogs.keys(Messages.SERVICE_BUNDLE, Messages.VIETNAMESE)).isNotEmpty()
                .isEqualTo(MessageCatalogs.keys(Messages.SERVICE_BUNDLE, Messages.ENGLISH));
    }

    @Test
    void everyKeyTheCodeNamesExists() {
        assertThat(MessageCatalogs.checkSources(Path.of("src/main/java"))).isEmpty();
    }

    @Test
    void everyLevelOfTheRegisterHasAWord() {
        for (String level : List.of("province", "district", "commune")) {
            assertThat(Messages.pattern("inspection.level." + level, Messages.VIETNAMESE)).isNotNull();
        }
    }
}
