package vn.ntm.platform.http;

import vn.ntm.platform.i18n.Messages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonErrorsTest {
    @Test
    void scrubRemovesJavaTypeNames() {
        String jackson = "Cannot deserialize value of type `java.time.LocalDate` from String \"x\": Failed to"
                + " deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) Text 'x' could not be"
                + " parsed (through reference chain: vn.ntm.inspection.rest.Create[\"inspectedOn\"])";
        assertThat(JsonErrors.scrub(jackson)).doesNotContain("java.", "vn.ntm", "LocalDate");
    }

    @Test
    void describesExpectedTypesInJsonTerms() {
        assertThat(JsonErrors.expected(java.time.LocalDate.class).in(Messages.ENGLISH)).isEqualTo("a date (YYYY-MM-DD)");
        assertThat(JsonErrors.expected(java.time.LocalDate.class).in(Messages.VIETNAMESE))
                .isEqualTo("một ngày (YYYY-MM-DD)");
        assertThat(JsonErrors.expected(int.class).in(Messages.ENGLISH)).isEqualTo("an integer");
        assertThat(JsonErrors.expected(java.math.BigDecimal.class).in(Messages.ENGLISH)).isEqualTo("a number");
        assertThat(JsonErrors.expected(java.util.List.class).in(Messages.ENGLISH)).isEqualTo("an array");
        assertThat(JsonErrors.expected(ProblemKind.class).in(Messages.ENGLISH))
                .startsWith("one of VALIDATION, MALFORMED_REQUEST");
    }
}
