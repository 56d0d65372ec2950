package vn.ntm.platform.i18n;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {
    @Test
    void vietnameseUnlessEnglishIsPreferred() {
        assertThat(Messages.fromAcceptLanguage(null)).isEqualTo(Messages.VIETNAMESE);
        assertThat(Messages.fromAcceptLanguage("")).isEqualTo(Messages.VIETNAMESE);
        assertThat(Messages.fromAcceptLanguage("vi")).isEqualTo(Messages.VIETNAMESE);
        assertThat(Messages.fromAcceptLanguage("fr-FR, de")).isEqualTo(Messages.VIETNAMESE);
        assertThat(Messages.fromAcceptLanguage("not a ;; language;q=x")).isEqualTo(Messages.VIETNAMESE);
        assertThat(Messages.fromAcceptLanguage("en")).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.fromAcceptLanguage("en-US,en;q=0.9")).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.fromAcceptLanguage("fr, en;q=0.5")).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.fromAcceptLanguage("vi, en;q=0.8")).isEqualTo(Messages.VIETNAMESE);
        assertThat(Messages.fromAcceptLanguage("en;q=0.2, vi-VN;q=0.9")).isEqualTo(Messages.VIETNAMESE);
        assertThat(Messages.fromAcceptLanguage("en;q=0")).isEqualTo(Messages.VIETNAMESE);
    }

    @Test
    void argumentsArePlacedByPositionOrNameAndDatesAreDayMonthYear() {
        assertThat(LocalizedText.of("sample.version", 12, 2022).in(Messages.VIETNAMESE))
                .isEqualTo("Mẫu 12 nay đã ở phiên bản 2022.");
        assertThat(LocalizedText.named("sample.title.tooLong", Map.of("max", 40)).in(Messages.ENGLISH))
                .isEqualTo("the title is longer than 40 characters");
        assertThat(LocalizedText.of("sample.notFound", LocalDate.of(2022, 10, 30)).in(Messages.VIETNAMESE))
                .isEqualTo("Không có mẫu 30/10/2022.");
        assertThat(LocalizedText.of("sample.nested", LocalizedText.of("sample.notFound", List.of("A", "B")))
                .in(Messages.ENGLISH)).isEqualTo("Error: No sample A, B.");
    }

    @Test
    void aNumberPlaceholderGroupsTheLanguagesWayAndAPlainOneLeavesCodesAndYearsAlone() {
        assertThat(LocalizedText.of("sample.count", 50_000, 2025, ByteSize.of(20L * 1024 * 1024)).in(Messages.VIETNAMESE))
                .isEqualTo("Có 50.000 dòng trong năm 2025; tệp tối đa 20 MB.");
        assertThat(LocalizedText.of("sample.count", 50_000L, 2025, ByteSize.of(512 * 1024)).in(Messages.ENGLISH))
                .isEqualTo("50,000 rows in 2025; files of at most 512 KB.");
        assertThat(ByteSize.of(2 * 1024 * 1024 + 1).in(Messages.VIETNAMESE)).isEqualTo("2.097.153 byte");
        assertThat(ByteSize.of(2 * 1024 * 1024 + 1).in(Messages.ENGLISH)).isEqualTo("2,097,153 bytes");
        assertThat(ByteSize.of(1000).in(Messages.VIETNAMESE)).isEqualTo("1.000 byte");
        assertThat(LocalizedText.named("sample.rows", Map.of("max", 50_000)).in(Messages.VIETNAMESE))
                .isEqualTo("tối đa 50.000 dòng");
    }

    @Test
    void aKeyNoCatalogHasIsAnsweredWithTheKeyItself() {
        assertThat(LocalizedText.of("sample.missing").in(Messages.ENGLISH)).isEqualTo("sample.missing");
    }

    @Test
    void theCheckFindsAKeyInOneLanguageOnlyAndAMissingKey() {
        assertThat(MessageCatalogs.checkCatalog("messages.broken")).containsExactlyInAnyOrder(
                "messages.broken: only.vietnamese has no English text",
                "messages.broken: only.english has no Vietnamese text",
                "messages.broken: both has placeholders [0, 1] in Vietnamese but [0] in English",
                "messages.broken_en: quote has a single apostrophe; write ''");
    }

    @Test
    void theModuleCheckPassesACompleteCatalogAndFindsWhatIsMissing() {
        assertThat(MessageCatalogs.checkModule(Messages.SERVICE_BUNDLE, Path.of("src/test/java/vn/ntm/platform/i18n/sources")))
                .containsExactly("Uses.java: key sample.absent has no Vietnamese text",
                        "Uses.java: key sample.absent has no English text");
        assertThat(MessageCatalogs.checkModule("messages.none", Path.of("src/main/java")))
                .containsExactly("messages.none: no catalog in Vietnamese and English");
    }
}
