package vn.ntm.task.worklist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV cells: formula starters get a leading quote (OWASP), then RFC 4180 quoting. */
class CsvTest {
    @Test
    void prefixesEveryFormulaStarterWithAQuote() {
        for (String starter : new String[] {"=", "+", "-", "@", "\t", "\r"}) {
            assertThat(Csv.neutralised(starter + "SUM(A1:A9)")).isEqualTo("'" + starter + "SUM(A1:A9)");
        }
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(Csv.neutralised("Xã Thượng Cường")).isEqualTo("Xã Thượng Cường");
        assertThat(Csv.neutralised("2090-12-31")).isEqualTo("2090-12-31");
        assertThat(Csv.neutralised("a=b")).isEqualTo("a=b");
        assertThat(Csv.neutralised("")).isEmpty();
    }

    @Test
    void quotesANeutralisedCellThatHoldsSeparatorsOrQuotes() {
        assertThat(Csv.field("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(Csv.field("\rline")).isEqualTo("\"'\rline\"");
        assertThat(Csv.field("-5")).isEqualTo("'-5");
    }
}
