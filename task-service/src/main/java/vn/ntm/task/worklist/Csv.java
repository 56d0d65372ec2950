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
import java.util.ArrayList;
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
 * {@link Format#MACHINE} keeps the JSON API's field names, codes and ISO-8601 dates for integrations. The columns
 * of each are {@link ExportLabels#COLUMNS} and {@link ExportLabels#MACHINE_COLUMNS}.
 */
final class Csv {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Who reads the file. */
    enum Format { HUMAN, MACHINE }

    private final Writer out;
    private final Format format;
    private final Locale language;
    private final List<ExportLabels.Column> columns;

    /** Writes the byte-order mark and the header line. */
    Csv(OutputStream stream, Format format, Locale language) {
        this.format = format;
        this.language = language;
        this.columns = format == Format.MACHINE ? ExportLabels.MACHINE_COLUMNS : ExportLabels.COLUMNS;
        try {
            stream.write(BOM);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16 * 1024);
        line(columns.stream().map(c -> format == Format.MACHINE ? c.machineName()
                : LocalizedText.of("task.csv.header." + c.machineName()).in(language)).toList());
    }

    void task(ExportRow row) {
        List<String> fields = new ArrayList<>(columns.size());
        for (ExportLabels.Column column : columns) {
            fields.add(format == Format.HUMAN ? human(column, row) : machine(column, row));
        }
        line(fields);
    }

    private String human(ExportLabels.Column column, ExportRow row) {
        TaskView t = row.task();
        return switch (column) {
            case ASSIGNEE_TYPE -> label("task.assigneeType.", t.assignee().type());
            case ASSIGNED_ON -> row.assignedOn() == null ? "" : Messages.DATE.format(row.assignedOn());
            case DUE_DATE -> t.dueDate() == null ? "" : Messages.DATE.format(t.dueDate());
            case STATUS -> label("task.status.", t.status());
            case OVERDUE -> LocalizedText.of(t.overdue() ? "task.csv.yes" : "task.csv.no").in(language);
            default -> machine(column, row);
        };
    }

    /** The value as the JSON API gives it; numbers without grouping, so that a spreadsheet reads them as numbers. */
    private static String machine(ExportLabels.Column column, ExportRow row) {
        TaskView t = row.task();
        return switch (column) {
            case NUMBER -> str(row.number());
            case ID -> str(t.id());
            case INSPECTION_ID -> str(t.inspectionId());
            case COMMUNE_CODE -> str(t.communeCode());
            case COMMUNE_NAME -> str(t.communeName());
            case CRITERION -> str(t.criterion());
            case CRITERION_NAME -> str(t.criterionName());
            case ASSIGNEE_TYPE -> str(t.assignee().type());
            case ASSIGNEE_CODE -> str(t.assignee().code());
            case ASSIGNEE_NAME -> str(t.assignee().name());
            case TITLE -> str(t.title());
            case DESCRIPTION -> str(t.description());
            case ASSIGNED_ON -> str(t.createdAt());
            case DUE_DATE -> str(t.dueDate());
            case STATUS -> str(t.status());
            case OVERDUE -> str(t.overdue());
            case DAYS_OVERDUE -> str(row.daysOverdue());
            case VERSION -> str(t.version());
        };
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
