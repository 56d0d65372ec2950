package vn.ntm.task.evidence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDispositionTest {
    @Test
    void givesAnAsciiFallbackAndTheExactUtf8Name() {
        assertThat(ContentDisposition.attachment("Biên bản Đợt 1.pdf")).isEqualTo(
                "attachment; filename=\"Bien ban Dot 1.pdf\"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20%C4%90%E1%BB%A3t%201.pdf");
    }

    @Test
    void keepsQuotesBackslashesAndPercentSignsOutOfTheQuotedFallback() {
        assertThat(ContentDisposition.asciiFallback("a\"b\\c%d;e.pdf")).isEqualTo("a_b_c_d;e.pdf");
        assertThat(ContentDisposition.encode("a\"b;c%.pdf")).isEqualTo("a%22b%3Bc%25.pdf");
        assertThat(ContentDisposition.asciiFallback("报告.pdf")).isEqualTo("__.pdf");
    }
}
