package vn.ntm.task.worklist;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.ntm.task.shared.TaskView;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A task list as an Excel workbook (.xlsx) that opens right: Vietnamese column headers ({@link ExportLabels}), the
 * header row frozen, an autofilter over every column, due dates as date cells shown {@code dd/MM/yyyy}, numbers as
 * numbers. Written with Apache POI's streaming SXSSF: only {@value #WINDOW} rows are kept in memory, the others go
 * to a compressed temporary file, which {@link #finish} turns into the workbook on the response and then deletes.
 * Text cells are inline strings, never formulas, so a title such as {@code =HYPERLINK(...)} stays text.
 */
final class Xlsx implements AutoCloseable {
    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int WINDOW = 100;
    private static final int[] WIDTHS = {38, 38, 10, 24, 10, 36, 24, 18, 40, 80, 16, 24, 10, 10};

    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final CellStyle dateStyle;
    private int next;

    /** Starts the workbook with its header row; nothing is written to {@code out} before {@link #finish}. */
    Xlsx(OutputStream out) {
        this.out = out;
        this.workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        this.sheet = workbook.createSheet(ExportLabels.SHEET);
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
        CellStyle headerStyle = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle.setFont(bold);
        Row header = sheet.createRow(next++);
        List<ExportLabels.Column> columns = ExportLabels.COLUMNS;
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).label());
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(i, Math.min(255, WIDTHS[i]) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    void task(TaskView t) {
        Row row = sheet.createRow(next++);
        int c = 0;
        text(row, c++, t.id());
        text(row, c++, t.inspectionId());
        text(row, c++, t.communeCode());
        text(row, c++, t.communeName());
        if (t.criterion() != null) {
            row.createCell(c).setCellValue(t.criterion());
        }
        c++;
        text(row, c++, t.criterionName());
        text(row, c++, ExportLabels.organisationType(t.assignee().type()));
        text(row, c++, t.assignee().code());
        text(row, c++, t.assignee().name());
        text(row, c++, t.title());
        if (t.dueDate() != null) {
            Cell due = row.createCell(c);
            due.setCellValue(t.dueDate());
            due.setCellStyle(dateStyle);
        }
        c++;
        text(row, c++, ExportLabels.status(t.status()));
        text(row, c++, ExportLabels.yesNo(t.overdue()));
        row.createCell(c).setCellValue(t.version());
    }

    /** Puts the autofilter over the header and every row, writes the workbook to the stream and flushes it. */
    void finish() {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, ExportLabels.COLUMNS.size() - 1));
        try {
            workbook.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the temporary file, whether or not the workbook was written. */
    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Row row, int column, Object value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.toString());
        }
    }
}
