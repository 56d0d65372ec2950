package vn.ntm.criteria.register;

import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/** Rows in PostgreSQL's {@code COPY … FROM STDIN} text format: tab-separated, {@code \N} for null, escaped. */
final class CopyText {
    private CopyText() {
    }

    static void row(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            String f = fields[i];
            if (f == null) {
                out.append("\\N");
                continue;
            }
            for (int j = 0; j < f.length(); j++) {
                char ch = f.charAt(j);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
        out.append('\n');
    }

    static long copyIn(CopyManager copy, String sql, CharSequence rows) throws SQLException {
        try {
            return copy.copyIn(sql, new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
