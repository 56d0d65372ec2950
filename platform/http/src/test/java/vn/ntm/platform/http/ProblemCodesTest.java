package vn.ntm.platform.http;

import org.junit.jupiter.api.Test;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.i18n.Messages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The registry of problem codes is complete in both languages and is the table of the repository's README
 * "Errors": a code added to {@link ProblemCode} (the only way a service can set one, {@code withCode}) fails here
 * until the README lists it. {@code -Dntm.readme.write=true} rewrites the table from the registry.
 */
class ProblemCodesTest {
    static final Path README = Path.of("..", "..", "README.md");
    static final String START = "<!-- problem-codes: generated from ProblemCode by ProblemCodesTest -->";
    static final String END = "<!-- /problem-codes -->";

    @Test
    void everyCodeHasATitleAndAMeaningInVietnameseAndEnglish() {
        for (ProblemCode code : ProblemCode.values()) {
            for (Locale language : Messages.LANGUAGES) {
                assertThat(Messages.pattern(code.title().key(), language)).as(code + " " + language).isNotBlank();
                assertThat(Messages.pattern(code.meaning().key(), language)).as(code + " " + language).isNotBlank();
            }
            assertThat(code.meaning().in(Messages.VIETNAMESE)).as(code.name())
                    .isNotEqualTo(code.meaning().in(Messages.ENGLISH));
            assertThat(code.statuses()).as(code.name()).isNotEmpty()
                    .allSatisfy(s -> assertThat(s).isBetween(400, 599));
        }
    }

    @Test
    void everyKindHasItsOwnCodeAndItsTypeUriResolvesToIt() {
        for (ProblemKind kind : ProblemKind.values()) {
            ProblemCode code = ProblemCode.valueOf(kind.code());
            assertThat(code.isKind()).isTrue();
            assertThat(code.statuses()).contains(kind.status());
            String slug = kind.type().substring(ProblemKind.TYPE_BASE.length());
            assertThat(ProblemCode.find(slug)).contains(code);
        }
        assertThat(ProblemCode.find("INSPECTION_FINALIZED")).contains(ProblemCode.INSPECTION_FINALIZED);
        assertThat(ProblemCode.find("inspection-finalized")).contains(ProblemCode.INSPECTION_FINALIZED);
        assertThat(ProblemCode.find("NO_SUCH_CODE")).isEmpty();
        assertThat(ProblemCode.find("../etc")).isEmpty();
        assertThat(ProblemCode.find("")).isEmpty();
    }

    @Test
    void aServiceCanOnlySetACodeOfTheRefusalsKindAndStatus() {
        LocalizedText detail = LocalizedText.of("problem.internal.detail");
        assertThat(ServiceException.conflict(detail).withCode(ProblemCode.INSPECTION_FINALIZED).code())
                .isEqualTo("INSPECTION_FINALIZED");
        assertThatIllegalArgumentException().isThrownBy(() ->
                ServiceException.conflict(detail).withCode(ProblemCode.EVIDENCE_REQUIRED));
        assertThatIllegalArgumentException().isThrownBy(() ->
                ServiceException.invalid(detail, List.of()).withCode(ProblemCode.EXPORTS_BUSY));
    }

    @Test
    void theReadmeListsEveryCodeOfTheRegistry() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README.md needs the markers %s … %s around the table", START, END).isNotNegative();
        assertThat(end).isGreaterThan(start);
        String expected = table();
        if (Boolean.getBoolean("ntm.readme.write")) {
            readme = readme.substring(0, start + START.length()) + "\n" + expected + readme.substring(end);
            Files.writeString(README, readme, StandardCharsets.UTF_8);
            end = readme.indexOf(END);
        }
        String actual = readme.substring(start + START.length(), end).strip();
        assertThat(actual).as("README.md's table of problem codes; regenerate it with "
                + "-Dntm.readme.write=true or paste:%n%s", expected).isEqualTo(expected.strip());
    }

    /** The README's table, in English, in registry order. */
    static String table() {
        String rows = Arrays.stream(ProblemCode.values()).map(c -> "| `" + c.name() + "` | "
                + c.statuses().stream().map(String::valueOf).collect(Collectors.joining(", ")) + " | `"
                + c.kind().type().substring(ProblemKind.TYPE_BASE.length()) + "` | " + c.scope().label() + " | "
                + c.meaning().in(Messages.ENGLISH).replace("|", "\\|") + " |").collect(Collectors.joining("\n"));
        return "| `code` | status | `type` (after `https://ntm.gov.vn/problems/`) | answered by | meaning |\n"
                + "|---|---|---|---|---|\n" + rows + "\n";
    }
}
