package vn.ntm.criteria.register;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSV text (RFC 4180: comma separated, fields may be double-quoted, {@code ""} inside quotes is a quote) as a
 * header and rows. Rows are numbered as lines of the file: the header is row 1. Blank lines are skipped.
 */
public record CsvTable(List<String> header, List<Row> rows) {

    public record Row(int number, List<String> fields) {
    }

    public static CsvTable parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> all = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || !field.isEmpty()) {
                    fields.add(field.toString());
                    all.add(new Row(rowStart, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                any = false;
                line++;
                rowStart = line;
            } else {
                field.append(ch);
                any = true;
            }
        }
        if (any || !field.isEmpty()) {
            fields.add(field.toString());
            all.add(new Row(rowStart, List.copyOf(fields)));
        }
        if (all.isEmpty()) {
            return new CsvTable(List.of(), List.of());
        }
        List<String> header = all.get(0).fields().stream().map(String::strip).toList();
        return new CsvTable(header, List.copyOf(all.subList(1, all.size())));
    }

    public int column(String name) {
        return header.indexOf(name);
    }
}
