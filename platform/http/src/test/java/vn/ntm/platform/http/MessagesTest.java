package vn.ntm.platform.http;

import vn.ntm.platform.i18n.MessageCatalogs;
import vn.ntm.platform.i18n.Messages;
import vn.ntm.platform.i18n.LocalizedText;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {
    @Test
    void aFieldMessageNamesWhatWasExpectedInTheSameLanguage() {
        assertThat(LocalizedText.of("problem.field.mustBe", LocalizedText.of("problem.expected.date"))
                .in(Messages.ENGLISH)).isEqualTo("must be a date (YYYY-MM-DD)");
        assertThat(LocalizedText.of("problem.field.invalidValue", "x", LocalizedText.of("problem.expected.uuid"))
                .in(Messages.ENGLISH)).isEqualTo("'x' is not a UUID");
    }

    @Test
    void everyPlatformKeyExistsInBothLanguagesWithTheSamePlaceholders() {
        assertThat(MessageCatalogs.checkModule(Messages.PLATFORM_BUNDLE, Path.of("src/main/java"))).isEmpty();
        assertThat(MessageCatalogs.keys(Messages.PLATFORM_BUNDLE, Messages.VIETNAMESE)).contains(
                "problem.title.VALIDATION", "jakarta.validation.constraints.NotBlank.message");
        for (ProblemKind kind : ProblemKind.values()) {
            assertThat(Messages.pattern(kind.titleText().key(), Messages.VIETNAMESE)).isNotNull();
            assertThat(Messages.pattern(kind.titleText().key(), Messages.ENGLISH)).isNotNull();
        }
    }

    @Test
    void everyKeyTheSourcesUseExists() {
        assertThat(MessageCatalogs.checkSources(Path.of("src/test/java"))).isEmpty();
    }
}
