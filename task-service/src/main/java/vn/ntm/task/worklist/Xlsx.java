package vn.ntm.task.worklist;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.ntm.task.shared.TaskView;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * A task list as an Excel workbook (.xlsx) that opens right: the sheet "Nhiệm vụ", Vietnamese column headers
 * ({@link ExportLabels#COLUMNS}) in bold, the header row frozen, an autofilter over every column, dates (assigned,
 * due) as date cells shown {@code dd/mm/yyyy}, numbers as numbers, the counts (row number, days overdue, version)
 * with a thousands separator. Written with Apache POI's streaming SXSSF: only {@value #WINDOW} rows are kept in
 * memory, the others go to a compressed temporary file, which {@link #finish} turns into the workbook on the response
 * and then deletes. Text cells are inline strings, never formulas, so a title such as {@code =HYPERLINK(...)} stays
 * text.
 */
final class Xlsx implements AutoCloseable {
    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int WINDOW = 100;
    static final String DATE_FORMAT = "dd/mm/yyyy";
    /**
     * The file format's code for a whole number with a thousands separator (built-in format 3): the separator is
     * the reader's, so Excel in Vietnamese shows 50000 as "50.000" and in English as "50,000".
     */
    static final String COUNT_FORMAT = "#,##0";
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final CellStyle dateStyle;
    private final CellStyle countStyle;
    private int next;

    /** Starts the workbook with its header row; nothing is written to {@code out} before {@link #finish}. */
    Xlsx(OutputStream out) {
        this.out = out;
        this.workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        this.sheet = workbook.createSheet(ExportLabels.SHEET);
        DataFormat formats = workbook.getCreationHelper().createDataFormat();
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(formats.getFormat(DATE_FORMAT));
        this.countStyle = workbook.createCellStyle();
        countStyle.setDataFormat(formats.getFormat(COUNT_FORMAT));
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
            sheet.setColumnWidth(i, width(columns.get(i)) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    /**
     * Column widths in characters: every header fits with its filter button, ids whole, names and titles mostly;
     * a longer content is cut at the column's border until the reader widens it.
     */
    private static int width(ExportLabels.Column column) {
        return switch (column) {
            case NUMBER -> 8;
            case ID, INSPECTION_ID -> 38;
            case COMMUNE_CODE, OVERDUE -> 10;
            case CRITERION, VERSION -> 13;
            case COMMUNE_NAME, ASSIGNEE_TYPE, STATUS -> 24;
            case CRITERION_NAME -> 36;
            case ASSIGNEE_CODE -> 22;
            case ASSIGNEE_NAME -> 40;
            case TITLE -> 80;
            case DESCRIPTION -> 60;
            case ASSIGNED_ON, DUE_DATE -> 16;
            case DAYS_OVERDUE -> 18;
        };
    }

    void task(ExportRow r) {
        Row row = sheet.createRow(next++);
        TaskView t = r.task();
        List<ExportLabels.Column> columns = ExportLabels.COLUMNS;
        for (int c = 0; c < columns.size(); c++) {
            switch (columns.get(c)) {
                case NUMBER -> count(row, c, r.number());
                case ID -> text(row, c, t.id());
                case INSPECTION_ID -> text(row, c, t.inspectionId());
                case COMMUNE_CODE -> text(row, c, t.communeCode());
                case COMMUNE_NAME -> text(row, c, t.communeName());
                case CRITERION -> {
                    if (t.criterion() != null) {
                        row.createCell(c).setCellValue(t.criterion());
                    }
                }
                case CRITERION_NAME -> text(row, c, t.criterionName());
                case ASSIGNEE_TYPE -> text(row, c, ExportLabels.organisationType(t.assignee().type()));
                case ASSIGNEE_CODE -> text(row, c, t.assignee().code());
                case ASSIGNEE_NAME -> text(row, c, t.assignee().name());
                case TITLE -> text(row, c, t.title());
                case DESCRIPTION -> text(row, c, t.description());
                case ASSIGNED_ON -> date(row, c, r.assignedOn());
                case DUE_DATE -> date(row, c, t.dueDate());
                case STATUS -> text(row, c, ExportLabels.status(t.status()));
                case OVERDUE -> text(row, c, ExportLabels.yesNo(t.overdue()));
                case DAYS_OVERDUE -> count(row, c, r.daysOverdue());
                case VERSION -> count(row, c, t.version());
            }
        }
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

    private void date(Row row, int column, LocalDate value) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(dateStyle);
        }
    }

    private void count(Row row, int column, long value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(countStyle);
    }

    /** A text cell; a text longer than a cell holds (32,767 characters) is cut, ending in an ellipsis. */
    private static void text(Row row, int column, Object value) {
        if (value != null) {
            String s = value.toString();
            if (s.length() > MAX_TEXT) {
                int end = MAX_TEXT - 1;
                s = s.substring(0, Character.isHighSurrogate(s.charAt(end - 1)) ? end - 1 : end) + "…";
            }
            row.createCell(column).setCellValue(s);
        }
    }
}
