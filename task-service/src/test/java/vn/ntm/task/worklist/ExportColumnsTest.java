package vn.ntm.task.worklist;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.ntm.task.BulkTasks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ntm.task.Auth.asAdmin;

/**
 * The columns officers asked for (issue 25): STT, "Ngày giao", "Nội dung" and "Số ngày quá hạn", in the CSV for
 * people, the CSV for machines and the workbook, read back for tasks whose values are known; the columns that were
 * there before keep their headers and values.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportColumnsTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final List<String> OLD_HEADERS = List.of("Mã nhiệm vụ", "Mã đợt kiểm tra", "Mã xã", "Xã",
            "Tiêu chí số", "Tên tiêu chí", "Loại đơn vị thực hiện", "Mã đơn vị thực hiện", "Đơn vị thực hiện",
            "Nhiệm vụ", "Hạn hoàn thành", "Trạng thái", "Quá hạn", "Phiên bản");
    private static final List<String> OLD_MACHINE_HEADERS = List.of("id", "inspectionId", "communeCode",
            "communeName", "criterion", "criterionName", "assigneeType", "assigneeCode", "assigneeName", "title",
            "dueDate", "status", "overdue", "version");

    @Inject
    AgroalDataSource ds;

    private final UUID inspection = UUID.randomUUID();
    private LocalDate today;
    /** The tasks in due date order (the export's sort): what each new column must say. */
    private List<Expected> expected;

    private record Expected(String ref, String status, LocalDate due, String createdAt, LocalDate assignedOn,
                            String description, long daysOverdue) {
    }

    @BeforeAll
    void insert() {
        today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        expected = List.of(
                // done a month after its due date: nothing is overdue any more
                new Expected("done", "DONE", today.minusDays(30), "2026-02-01 09:00:00+07", LocalDate.of(2026, 2, 1),
                        "Cứng hóa 1,2 km đường trục thôn Bản Chu; nghiệm thu, bàn giao đưa vào sử dụng.", 0),
                // created at 20:30 UTC, already the next day in Vietnam: assigned on 16/03
                new Expected("late", "OPEN", today.minusDays(12), "2026-03-15 20:30:00+00", LocalDate.of(2026, 3, 16),
                        "Rà soát, bổ sung hồ sơ tiêu chí số 17 (Môi trường và an toàn thực phẩm):\n"
                                + "- thu gom rác thải sinh hoạt;\n- xử lý nước thải chăn nuôi.", 12),
                // reported and awaiting verification: not the assignee's delay any more
                new Expected("reported", "REPORTED", today.minusDays(5), "2026-04-01 08:00:00+07",
                        LocalDate.of(2026, 4, 1), null, 0),
                new Expected("returned", "RETURNED", today.minusDays(1), "2026-04-02 23:59:00+07",
                        LocalDate.of(2026, 4, 2), "Bổ sung biên bản họp dân \"đồng thuận\".", 1),
                new Expected("ahead", "IN_PROGRESS", today.plusDays(10), "2026-05-20 00:00:00+07",
                        LocalDate.of(2026, 5, 20), "", 0));
        for (Expected e : expected) {
            BulkTasks.execute(ds, "insert into task (id, inspection_id, rule_code, source_ref, commune_code,"
                    + " commune_name, province_code, criterion, criterion_name, assignee_type, assignee_code,"
                    + " assignee_name, title, description, due_date, status, version, created_at, updated_at)"
                    + " values (gen_random_uuid(), ?, 'EXPORT', ?, '06490', 'Xã Thượng Cường', '20', 17,"
                    + " 'Môi trường và an toàn thực phẩm', 'UBND_XA', '06490', 'UBND xã Thượng Cường',"
                    + " 'Hoàn thành tiêu chí số 17 tại xã Thượng Cường (' || ? || ')', ?, ?, ?, 2,"
                    + " cast(? as timestamptz), now())", inspection, e.ref(), e.ref(), e.description(), e.due(),
                    e.status(), e.createdAt());
        }
    }

    @AfterAll
    void delete() {
        BulkTasks.delete(ds, inspection);
    }

    @Test
    void theCsvForPeopleNumbersItsRowsAndSaysWhenEachTaskWasAssignedWhatItIsAndHowLateItIs() {
        List<List<String>> rows = csv("human");
        List<String> header = rows.get(0);
        assertThat(header).containsExactly("STT", "Mã nhiệm vụ", "Mã đợt kiểm tra", "Mã xã", "Xã", "Tiêu chí số",
                "Tên tiêu chí", "Loại đơn vị thực hiện", "Mã đơn vị thực hiện", "Đơn vị thực hiện", "Nhiệm vụ",
                "Nội dung", "Ngày giao", "Hạn hoàn thành", "Trạng thái", "Quá hạn", "Số ngày quá hạn", "Phiên bản");
        assertThat(rows).hasSize(expected.size() + 1);
        List<Map<String, Object>> items = list();
        for (int i = 0; i < expected.size(); i++) {
            List<String> row = rows.get(i + 1);
            Expected e = expected.get(i);
            Map<String, Object> item = items.get(i);
            assertThat(row.get(header.indexOf("STT"))).isEqualTo(Integer.toString(i + 1));
            assertThat(row.get(header.indexOf("Ngày giao"))).as(e.ref()).isEqualTo(DMY.format(e.assignedOn()));
            assertThat(row.get(header.indexOf("Nội dung"))).isEqualTo(e.description() == null ? "" : e.description());
            assertThat(row.get(header.indexOf("Số ngày quá hạn"))).as(e.ref())
                    .isEqualTo(Long.toString(e.daysOverdue()));
            // the columns that were there keep their values
            assertThat(row.get(header.indexOf("Mã nhiệm vụ"))).isEqualTo(item.get("id"));
            assertThat(row.get(header.indexOf("Mã đợt kiểm tra"))).isEqualTo(inspection.toString());
            assertThat(row.get(header.indexOf("Mã xã"))).isEqualTo("06490");
            assertThat(row.get(header.indexOf("Xã"))).isEqualTo("Xã Thượng Cường");
            assertThat(row.get(header.indexOf("Tiêu chí số"))).isEqualTo("17");
            assertThat(row.get(header.indexOf("Tên tiêu chí"))).isEqualTo("Môi trường và an toàn thực phẩm");
            assertThat(row.get(header.indexOf("Loại đơn vị thực hiện"))).isEqualTo("UBND xã");
            assertThat(row.get(header.indexOf("Mã đơn vị thực hiện"))).isEqualTo("06490");
            assertThat(row.get(header.indexOf("Đơn vị thực hiện"))).isEqualTo("UBND xã Thượng Cường");
            assertThat(row.get(header.indexOf("Nhiệm vụ"))).isEqualTo(item.get("title")).contains(e.ref());
            assertThat(row.get(header.indexOf("Hạn hoàn thành"))).isEqualTo(DMY.format(e.due()));
            assertThat(row.get(header.indexOf("Trạng thái"))).isEqualTo(switch (e.status()) {
                case "DONE" -> "Hoàn thành";
                case "OPEN" -> "Mới giao";
                case "REPORTED" -> "Đã báo cáo, chờ xác nhận";
                case "RETURNED" -> "Bị trả lại";
                default -> "Đang thực hiện";
            });
            assertThat(row.get(header.indexOf("Quá hạn"))).isEqualTo(e.daysOverdue() > 0 ? "Có" : "Không");
            assertThat(row.get(header.indexOf("Phiên bản"))).isEqualTo("2");
        }
    }

    @Test
    void theCsvForMachinesKeepsItsColumnsInPlaceAndAppendsTheNewOnes() {
        List<List<String>> rows = csv("machine");
        List<String> header = rows.get(0);
        assertThat(header.subList(0, OLD_MACHINE_HEADERS.size())).isEqualTo(OLD_MACHINE_HEADERS);
        assertThat(header.subList(OLD_MACHINE_HEADERS.size(), header.size()))
                .containsExactly("createdAt", "description", "daysOverdue");
        List<Map<String, Object>> items = list();
        for (int i = 0; i < expected.size(); i++) {
            List<String> row = rows.get(i + 1);
            Expected e = expected.get(i);
            Map<String, Object> item = items.get(i);
            assertThat(row.get(0)).isEqualTo(item.get("id"));
            assertThat(row.get(10)).isEqualTo(e.due().toString());
            assertThat(row.get(11)).isEqualTo(e.status());
            assertThat(row.get(12)).isEqualTo(Boolean.toString(e.daysOverdue() > 0));
            assertThat(row.get(14)).isEqualTo(item.get("createdAt"));
            assertThat(row.get(15)).isEqualTo(e.description() == null ? "" : e.description());
            assertThat(row.get(16)).isEqualTo(Long.toString(e.daysOverdue()));
        }
    }

    @Test
    void theWorkbookHasTheNewColumnsAsNumbersAndDatesInVietnameseFormats() throws IOException {
        byte[] file = asAdmin().queryParam("inspectionId", inspection).queryParam("sort", "dueDate")
                .when().get("/tasks/export.xlsx").then().statusCode(200).contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(workbook.getNumberOfSheets()).isOne();
            assertThat(sheet.getSheetName()).isEqualTo("Nhiệm vụ");
            List<String> header = new ArrayList<>();
            Row head = sheet.getRow(0);
            head.forEach(c -> {
                header.add(c.getStringCellValue());
                assertThat(workbook.getFontAt(c.getCellStyle().getFontIndex()).getBold()).as(c.getStringCellValue())
                        .isTrue();
            });
            assertThat(header.get(0)).isEqualTo("STT");
            // the old headers are all there, in their old order
            assertThat(header.stream().filter(OLD_HEADERS::contains).toList()).isEqualTo(OLD_HEADERS);
            assertThat(header).contains("Nội dung", "Ngày giao", "Số ngày quá hạn");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            for (int c = 0; c < header.size(); c++) {
                // wide enough for its header and its filter button, none as wide as a page
                assertThat(sheet.getColumnWidth(c) / 256).as(header.get(c))
                        .isGreaterThanOrEqualTo(header.get(c).length() + 2).isLessThanOrEqualTo(80);
            }
            assertThat(sheet.getColumnWidth(header.indexOf("Nội dung")) / 256).isGreaterThanOrEqualTo(40);

            int number = header.indexOf("STT");
            int assigned = header.indexOf("Ngày giao");
            int content = header.indexOf("Nội dung");
            int late = header.indexOf("Số ngày quá hạn");
            int due = header.indexOf("Hạn hoàn thành");
            int version = header.indexOf("Phiên bản");
            assertThat(sheet.getLastRowNum()).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                Row row = sheet.getRow(i + 1);
                Expected e = expected.get(i);
                assertCount(row.getCell(number), i + 1);
                assertCount(row.getCell(late), e.daysOverdue());
                assertCount(row.getCell(version), 2);
                assertDate(row.getCell(assigned), e.assignedOn());
                assertDate(row.getCell(due), e.due());
                if (e.description() == null || e.description().isEmpty()) {
                    Cell cell = row.getCell(content);
                    assertThat(cell == null || cell.getStringCellValue().isEmpty()).isTrue();
                } else {
                    assertThat(row.getCell(content).getCellType()).isEqualTo(CellType.STRING);
                    assertThat(row.getCell(content).getStringCellValue()).isEqualTo(e.description());
                }
                assertThat(row.getCell(header.indexOf("Quá hạn")).getStringCellValue())
                        .isEqualTo(e.daysOverdue() > 0 ? "Có" : "Không");
            }
        }
    }

    private static void assertCount(Cell cell, long value) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).isEqualTo((double) value);
        // "#,##0": the reader's thousands separator, 50.000 in a Vietnamese Excel
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
    }

    private static void assertDate(Cell cell, LocalDate value) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
        assertThat(cell.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(value);
    }

    private List<List<String>> csv(String format) {
        byte[] body = asAdmin().queryParam("inspectionId", inspection).queryParam("sort", "dueDate")
                .queryParam("format", format).when().get("/tasks/export.csv").then().statusCode(200).extract()
                .asByteArray();
        return TaskExportTest.parse(new String(body, StandardCharsets.UTF_8).substring(1));
    }

    private List<Map<String, Object>> list() {
        return asAdmin().queryParam("inspectionId", inspection).queryParam("sort", "dueDate").when().get("/tasks")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }
}
