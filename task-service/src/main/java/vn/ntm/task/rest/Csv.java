package vn.ntm.task.rest;

import vn.ntm.task.service.TaskService.TaskView;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** RFC 4180 CSV that Excel opens as UTF-8: a byte-order mark, CRLF line ends, quotes doubled. */
final class Csv {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final List<String> HEADER = List.of("id", "inspectionId", "communeCode", "communeName",
            "criterion", "criterionName", "assigneeType", "assigneeCode", "assigneeName", "title", "dueDate",
            "status", "overdue", "version");

    private Csv() {
    }

    static byte[] tasks(List<TaskView> tasks) {
        StringBuilder out = new StringBuilder();
        line(out, HEADER);
        for (TaskView t : tasks) {
            line(out, List.of(str(t.id()), str(t.inspectionId()), str(t.communeCode()), str(t.communeName()),
                    str(t.criterion()), str(t.criterionName()), str(t.assignee().type()), str(t.assignee().code()),
                    str(t.assignee().name()), str(t.title()), str(t.dueDate()), str(t.status()), str(t.overdue()),
                    str(t.version())));
        }
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(body, 0, all, BOM.length, body.length);
        return all;
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String field(String value) {
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || value.indexOf(';') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
