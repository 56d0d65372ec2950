package vn.ntm.platform.http;

import org.junit.jupiter.api.Test;
import vn.ntm.platform.http.ServiceException.FieldError;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermsTest {

    @Test
    void eachWordBecomesAContainsPatternKeptAsTyped() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(SearchTerms.patterns("  THƯỢNG   Cường ", errors)).containsExactly("%THƯỢNG%", "%Cường%");
        assertThat(errors).isEmpty();
    }

    @Test
    void absentOrBlankSearchesNothing() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(SearchTerms.patterns(null, errors)).isEmpty();
        assertThat(SearchTerms.patterns(" \t ", errors)).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void wildcardsAndTheEscapeCharacterMatchThemselves() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(SearchTerms.patterns("50% a_b x!", errors)).containsExactly("%50!%%", "%a!_b%", "%x!!%");
    }

    @Test
    void repeatedWordsCountOnce() {
        assertThat(SearchTerms.patterns("lang lang", new ArrayList<>())).containsExactly("%lang%");
    }

    @Test
    void tooLongTooManyWordsAndControlCharactersAreRefusedOnQ() {
        for (String bad : List.of("x".repeat(SearchTerms.MAX_LENGTH + 1), "a b c d e f g h i", "a\u0000b",
                "a\ud800b")) {
            List<FieldError> errors = new ArrayList<>();
            assertThat(SearchTerms.patterns(bad, errors)).isEmpty();
            assertThat(errors).extracting(FieldError::field).containsExactly("q");
        }
    }
}
