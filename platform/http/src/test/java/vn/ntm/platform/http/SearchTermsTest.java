package vn.ntm.platform.http;

import org.junit.jupiter.api.Test;
import vn.ntm.platform.http.ServiceException.FieldError;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermsTest {

    @Test
    void theWordsAreKeptAsTypedForTheDatabaseToFold() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(SearchTerms.words("  THƯỢNG   Cường ", errors)).containsExactly("THƯỢNG", "Cường");
        // wildcards are escaped only after folding, in the database (containsPattern)
        assertThat(SearchTerms.words("50% ＿a x!", errors)).containsExactly("50%", "＿a", "x!");
        assertThat(errors).isEmpty();
    }

    @Test
    void absentOrBlankSearchesNothing() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(SearchTerms.words(null, errors)).isEmpty();
        assertThat(SearchTerms.words(" \t ", errors)).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void thePatternEscapesWildcardsAndTheEscapeCharacterOfTheFoldedText() {
        assertThat(SearchTerms.containsPattern("ntm_fold(?)")).isEqualTo(
                "('%' || replace(replace(replace(ntm_fold(?), '!', '!!'), '%', '!%'), '_', '!_') || '%')");
        assertThat(SearchTerms.ESCAPE_CLAUSE).isEqualTo(" escape '!'");
    }

    @Test
    void repeatedWordsCountOnce() {
        assertThat(SearchTerms.words("lang lang", new ArrayList<>())).containsExactly("lang");
    }

    @Test
    void tooLongTooManyWordsAndControlCharactersAreRefusedOnQ() {
        for (String bad : List.of("x".repeat(SearchTerms.MAX_LENGTH + 1), "a b c d e f g h i", "a\u0000b",
                "a\ud800b")) {
            List<FieldError> errors = new ArrayList<>();
            assertThat(SearchTerms.words(bad, errors)).isEmpty();
            assertThat(errors).extracting(FieldError::field).containsExactly("q");
        }
    }
}
