package vn.ntm.task.worklist;

import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.i18n.Messages;
import vn.ntm.task.shared.TaskView;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * RFC 4180 CSV that Excel opens as UTF-8: a byte-order mark, CRLF line ends, quotes doubled, written row by row to
 * the response. A cell that a spreadsheet would read as a formula (it starts with {@code = + - @}, a tab or a
 * carriage return) gets a leading single quote, as OWASP advises against CSV injection: a title such as
 * {@code =HYPERLINK(...)} is shown as text, never evaluated.
 * <p>
 * {@link Format#HUMAN} (the default) is for people: column headers, status and organisation type labels in the
 * request's language (Vietnamese unless English is asked for), dates {@code dd/MM/yyyy}, overdue as yes/no.
 * {@link Format#MACHINE} keeps the JSON API's field names, codes and ISO-8601 dates for integrations.
 */
final class Csv {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Who reads the file. */
    enum Format { HUMAN, MACHINE }

    static final List<String> HEADER = List.of("id", "inspectionId", "communeCode", "communeName",
            "criterion", "criterionName", "assigneeType", "assigneeCode", "assigneeName", "title", "dueDate",
            "status", "overdue", "version");

    private final Writer out;
    private final Format format;
    private final Locale language;

    /** Writes the byte-order mark and the header line. */
    Csv(OutputStream stream, Format format, Locale language) {
        this.format = format;
        this.language = language;
        try {
            stream.write(BOM);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16 * 1024);
        line(format == Format.MACHINE ? HEADER
                : HEADER.stream().map(h -> LocalizedText.of("task.csv.header." + h).in(language)).toList());
    }

    void task(TaskView t) {
        if (format == Format.HUMAN) {
            line(List.of(str(t.id()), str(t.inspectionId()), str(t.communeCode()), str(t.communeName()),
                    str(t.criterion()), str(t.criterionName()), label("task.assigneeType.", t.assignee().type()),
                    str(t.assignee().code()), str(t.assignee().name()), str(t.title()),
                    t.dueDate() == null ? "" : Messages.DATE.format(t.dueDate()), label("task.status.", t.status()),
                    LocalizedText.of(t.overdue() ? "task.csv.yes" : "task.csv.no").in(language), str(t.version())));
            return;
        }
        line(List.of(str(t.id()), str(t.inspectionId()), str(t.communeCode()), str(t.communeName()),
                str(t.criterion()), str(t.criterionName()), str(t.assignee().type()), str(t.assignee().code()),
                str(t.assignee().name()), str(t.title()), str(t.dueDate()), str(t.status()), str(t.overdue()),
                str(t.version())));
    }

    void finish() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(fields.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String field(String raw) {
        String value = neutralised(raw);
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || value.indexOf(';') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /** The value, with a leading single quote when a spreadsheet would take it for a formula. */
    static String neutralised(String value) {
        if (value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }

    private String label(String prefix, Object code) {
        if (code == null) {
            return "";
        }
        // a code without a label (one added after this file) is shown as it is
        return Messages.pattern(prefix + code, language) == null ? code.toString()
                : LocalizedText.of(prefix + code).in(language);
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
