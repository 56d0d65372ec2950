package vn.ntm.platform.http;

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
        assertThat(JsonErrors.expected(java.time.LocalDate.class)).isEqualTo("a date (YYYY-MM-DD)");
        assertThat(JsonErrors.expected(int.class)).isEqualTo("an integer");
        assertThat(JsonErrors.expected(java.math.BigDecimal.class)).isEqualTo("a number");
        assertThat(JsonErrors.expected(java.util.List.class)).isEqualTo("an array");
        assertThat(JsonErrors.expected(ProblemKind.class)).startsWith("one of VALIDATION, MALFORMED_REQUEST");
    }
}
