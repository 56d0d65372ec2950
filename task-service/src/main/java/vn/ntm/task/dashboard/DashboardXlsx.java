package vn.ntm.task.dashboard;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.ntm.task.worklist.ExportLabels;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dashboard as an Excel workbook, one sheet per table, in the style of the task export ({@code worklist/Xlsx}):
 * Vietnamese headers in bold, the header row frozen, an autofilter, counts with a thousands separator, dates
 * {@code dd/mm/yyyy}, labels instead of codes (organisation types, tiers). The tables are small (a province's
 * communes), so the workbook is built in memory.
 */
final class DashboardXlsx {
    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DATE_FORMAT = "dd/mm/yyyy";
    static final String COUNT_FORMAT = "#,##0";
    static final String DAYS_FORMAT = "#,##0.0";
    static final List<String> SHEETS = List.of("Tổng hợp", "Số tiêu chí đạt", "Mức đạt chuẩn", "Tiêu chí",
            "Công việc theo đơn vị", "Công việc theo xã", "Đợt kiểm tra");

    private static final Map<String, String> TIERS = Map.of(
            "NTM", "Nông thôn mới",
            "NTM_NANG_CAO", "Nông thôn mới nâng cao",
            "NTM_KIEU_MAU", "Nông thôn mới kiểu mẫu");

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle header;
    private final CellStyle count;
    private final CellStyle days;
    private final CellStyle date;

    private DashboardXlsx() {
        DataFormat formats = workbook.getCreationHelper().createDataFormat();
        header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        count = workbook.createCellStyle();
        count.setDataFormat(formats.getFormat(COUNT_FORMAT));
        days = workbook.createCellStyle();
        days.setDataFormat(formats.getFormat(DAYS_FORMAT));
        date = workbook.createCellStyle();
        date.setDataFormat(formats.getFormat(DATE_FORMAT));
    }

    /** The tier as people name it; a tier this version does not know as it is. */
    static String tier(String code) {
        return code == null ? "" : TIERS.getOrDefault(code, code);
    }

    /** {@code bang-tong-hop-tinh-42-2025-05-20.xlsx}: ASCII, the unit and the day. */
    static String fileName(Dashboard d) {
        String unit = d.province() != null ? "tinh-" + d.province().code() : "huyen-" + d.district().code();
        return "bang-tong-hop-" + unit.replaceAll("[^A-Za-z0-9-]", "_") + "-" + d.at() + ".xlsx";
    }

    static void write(Dashboard d, OutputStream out) throws IOException {
        DashboardXlsx x = new DashboardXlsx();
        try (XSSFWorkbook workbook = x.workbook) {
            x.fill(d);
            workbook.write(out);
            out.flush();
        }
    }

    private DashboardXlsx fill(Dashboard d) {
        Dashboard.Unit unit = d.province() != null ? d.province() : d.district();
        List<Object[]> summary = new ArrayList<>();
        summary.add(new Object[] {d.province() != null ? "Tỉnh" : "Huyện", unit.name()});
        summary.add(new Object[] {"Mã đơn vị hành chính", unit.code()});
        summary.add(new Object[] {"Ngày số liệu", d.at()});
        summary.add(new Object[] {"Bộ tiêu chí", d.criteriaSet()});
        summary.add(new Object[] {"Tổng số xã", (long) d.communes().total()});
        summary.add(new Object[] {"Số xã đã được đánh giá", (long) d.communes().assessed()});
        summary.add(new Object[] {"Số đợt kiểm tra trong năm " + d.inspections().year(),
                d.inspections().byLeadAgency().stream().mapToLong(Dashboard.LeadAgency::inspections).sum()});
        sheet(SHEETS.get(0), List.of("Nội dung", "Giá trị"), summary, false);

        sheet(SHEETS.get(1), List.of("Số tiêu chí đạt", "Số xã"), d.communes().histogram().stream()
                .map(b -> new Object[] {(long) b.criteriaMet(), (long) b.communes()}).toList(), true);

        List<Object[]> tiers = new ArrayList<>();
        d.communes().tiers().reached().forEach(t -> tiers.add(new Object[] {"Đạt chuẩn", tier(t.tier()),
                (long) t.communes()}));
        d.communes().tiers().targeted().forEach(t -> tiers.add(new Object[] {"Đăng ký phấn đấu", tier(t.tier()),
                (long) t.communes()}));
        sheet(SHEETS.get(2), List.of("Loại", "Mức", "Số xã"), tiers, true);

        sheet(SHEETS.get(3), List.of("Tiêu chí số", "Tên tiêu chí", "Số xã đạt", "Số xã chưa đạt",
                "Số xã chưa đánh giá", "Số xã đạt cùng kỳ năm trước", "Tăng (+), giảm (-)"), d.criteria().stream()
                .map(c -> new Object[] {(long) c.number(), c.name(), (long) c.met(), (long) c.notMet(),
                        (long) c.notAssessed(), (long) c.metPreviousYear(), (long) c.change()}).toList(), true);

        List<String> work = List.of("Đang thực hiện", "Quá hạn", "Đã báo cáo, chờ kiểm tra, xác nhận",
                "Hoàn thành trong năm", "Số ngày hoàn thành (trung vị)");
        List<String> byDepartment = new ArrayList<>(List.of("Loại đơn vị", "Mã đơn vị", "Đơn vị thực hiện"));
        byDepartment.addAll(work);
        sheet(SHEETS.get(4), byDepartment, d.work().byDepartment().stream()
                .map(w -> new Object[] {ExportLabels.organisationType(w.assigneeType()), w.assigneeCode(),
                        w.assigneeName(), w.open(), w.overdue(), w.awaitingVerification(), w.doneThisYear(),
                        w.medianDaysToDone()}).toList(), true);
        List<String> byCommune = new ArrayList<>(List.of("Mã xã", "Xã"));
        byCommune.addAll(work);
        sheet(SHEETS.get(5), byCommune, d.work().byCommune().stream()
                .map(w -> new Object[] {w.communeCode(), w.communeName(), w.open(), w.overdue(),
                        w.awaitingVerification(), w.doneThisYear(), w.medianDaysToDone()}).toList(), true);

        sheet(SHEETS.get(6), List.of("Loại cơ quan chủ trì", "Mã cơ quan chủ trì", "Cơ quan chủ trì",
                "Số đợt kiểm tra"), d.inspections().byLeadAgency().stream()
                .map(a -> new Object[] {ExportLabels.organisationType(a.type()), a.code(), a.name(), a.inspections()})
                .toList(), true);
        return this;
    }

    private void sheet(String name, List<String> headers, List<Object[]> rows, boolean filter) {
        Sheet sheet = workbook.createSheet(name);
        Row top = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = top.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, Math.max(12, Math.min(60, headers.get(i).length() + 4)) * 256);
        }
        sheet.createFreezePane(0, 1);
        int next = 1;
        for (Object[] values : rows) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.length; i++) {
                cell(row, i, values[i]);
            }
        }
        if (filter) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, headers.size() - 1));
        }
    }

    private void cell(Row row, int column, Object value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        if (value instanceof Long n) {
            cell.setCellValue(n);
            cell.setCellStyle(count);
        } else if (value instanceof BigDecimal n) {
            cell.setCellValue(n.doubleValue());
            cell.setCellStyle(days);
        } else if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(date);
        } else {
            cell.setCellValue(value.toString());
        }
    }
}
