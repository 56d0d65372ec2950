package vn.ntm.task.worklist;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.ntm.task.BulkTasks;
import vn.ntm.task.Fixtures;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static vn.ntm.task.Auth.asAdmin;

/** The .xlsx export opens right: Vietnamese headers, dates as dates, autofilter, frozen header, streamed rows. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XlsxExportTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    // under the test configuration's export cap of 500 rows, and over the 100 rows the streaming sheet keeps in memory
    private static final int BULK = 450;

    @Inject
    AgroalDataSource ds;

    private final UUID seed = UUID.randomUUID();
    private UUID bulk;
    private boolean filled;

    /** Before the first test, not in @BeforeAll: REST Assured knows the application's port only then. */
    @BeforeEach
    void fill() {
        if (filled) {
            return;
        }
        filled = true;
        Fixtures.publishSeed(seed);
        Fixtures.awaitTasks(seed, Fixtures.SEED_TASK_COUNT);
        bulk = BulkTasks.insert(ds, "93", BULK);
    }

    @AfterAll
    void clean() {
        if (bulk != null) {
            BulkTasks.delete(ds, bulk);
        }
    }

    @Test
    void theWorkbookHasVietnameseHeadersDateCellsAFilterAndAFrozenHeaderRow() throws IOException {
        Response response = asAdmin().queryParam("inspectionId", seed).queryParam("sort", "communeName")
                .when().get("/tasks/export.xlsx").then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", "attachment; filename=\"tasks.xlsx\"")
                .header("X-Total-Count", String.valueOf(Fixtures.SEED_TASK_COUNT))
                .header("X-Truncated", "false").extract().response();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Nhiệm vụ");
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("STT", "Mã nhiệm vụ", "Mã đợt kiểm tra", "Mã xã", "Xã",
                    "Tiêu chí số", "Tên tiêu chí", "Loại đơn vị thực hiện", "Mã đơn vị thực hiện", "Đơn vị thực hiện",
                    "Nhiệm vụ", "Nội dung", "Ngày giao", "Hạn hoàn thành", "Trạng thái", "Quá hạn", "Số ngày quá hạn",
                    "Phiên bản");
            int id = header.indexOf("Mã nhiệm vụ");
            int commune = header.indexOf("Xã");
            int criterion = header.indexOf("Tiêu chí số");
            int assignee = header.indexOf("Đơn vị thực hiện");
            int title = header.indexOf("Nhiệm vụ");
            int dueDate = header.indexOf("Hạn hoàn thành");
            int status = header.indexOf("Trạng thái");
            assertThat(sheet.getLastRowNum()).isEqualTo(Fixtures.SEED_TASK_COUNT);

            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(sheet.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 0);
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef())
                    .isEqualTo("A1:" + CellReference.convertNumToColString(header.size() - 1)
                            + (Fixtures.SEED_TASK_COUNT + 1));

            // every row is the task the JSON list gives, Vietnamese text byte for byte, the due date a date cell
            Map<String, Map<String, Object>> byId = new HashMap<>();
            JsonPath list = Fixtures.tasksOf(seed);
            for (Map<String, Object> t : list.<Map<String, Object>>getList("items")) {
                byId.put((String) t.get("id"), t);
            }
            boolean sawThuongCuong = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, Object> task = byId.get(row.getCell(id).getStringCellValue());
                assertThat(task).as("row " + r).isNotNull();
                assertThat(row.getCell(title).getStringCellValue()).isEqualTo(task.get("title"));
                assertThat(row.getCell(assignee).getStringCellValue())
                        .isEqualTo(((Map<?, ?>) task.get("assignee")).get("name"));
                Cell due = row.getCell(dueDate);
                assertThat(due.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
                assertThat(due.getLocalDateTimeCellValue().toLocalDate())
                        .isEqualTo(LocalDate.parse((String) task.get("dueDate")));
                assertThat(due.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
                assertThat(row.getCell(status).getStringCellValue()).isEqualTo("Mới giao");
                if (task.get("communeName") != null) {
                    assertThat(row.getCell(commune).getStringCellValue()).isEqualTo(task.get("communeName"));
                    sawThuongCuong |= "Xã Thượng Cường".equals(row.getCell(commune).getStringCellValue());
                }
                if (task.get("criterion") != null) {
                    assertThat(row.getCell(criterion).getNumericCellValue())
                            .isEqualTo(((Number) task.get("criterion")).doubleValue());
                }
            }
            assertThat(sawThuongCuong).isTrue();
        }
    }

    @Test
    void aLongListIsWrittenWholeInTheRequestedOrder() throws IOException {
        byte[] file = asAdmin().queryParam("inspectionId", bulk).queryParam("sort", "-dueDate")
                .when().get("/tasks/export.xlsx").then().statusCode(200)
                .header("X-Total-Count", String.valueOf(BULK)).extract().asByteArray();
        List<String> expected = BulkTasks.ids(ds, bulk, "due_date desc, id");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            List<String> ids = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                ids.add(sheet.getRow(r).getCell(1).getStringCellValue());
            }
            assertThat(ids).isEqualTo(expected);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).endsWith(String.valueOf(BULK + 1));
        }
    }

    @Test
    void aTitleThatLooksLikeAFormulaStaysText() throws IOException {
        UUID inspection = UUID.randomUUID();
        BulkTasks.execute(ds, "insert into task (id, inspection_id, rule_code, source_ref, commune_code, commune_name,"
                + " province_code, assignee_type, assignee_code, assignee_name, title, due_date, status, version,"
                + " created_at, updated_at) values (gen_random_uuid(), ?, 'XLSX', 'f', '06490', 'Xã Thượng Cường',"
                + " '20', 'UBND_XA', '06490', 'UBND xã Thượng Cường', '=HYPERLINK(\"http://x\",\"y\")',"
                + " date '2092-01-01', 'OPEN', 0, now(), now())", inspection);
        try {
            byte[] file = asAdmin().queryParam("inspectionId", inspection).when().get("/tasks/export.xlsx")
                    .then().statusCode(200).extract().asByteArray();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
                Cell title = workbook.getSheetAt(0).getRow(1).getCell(10);
                assertThat(title.getCellType()).isEqualTo(CellType.STRING);
                assertThat(title.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\",\"y\")");
            }
        } finally {
            BulkTasks.delete(ds, inspection);
        }
    }

    @Test
    void anEmptyListIsAWorkbookWithItsHeaderOnly() throws IOException {
        byte[] file = asAdmin().queryParam("inspectionId", UUID.randomUUID()).when().get("/tasks/export.xlsx")
                .then().statusCode(200).header("X-Total-Count", "0").extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isZero();
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("STT");
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("Mã nhiệm vụ");
        }
    }

    @Test
    void badFiltersAreRefusedBeforeAnyByteOfTheWorkbook() {
        asAdmin().queryParam("status", "NOPE").when().get("/tasks/export.xlsx").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("status"));
        asAdmin().queryParam("onLimit", "maybe").when().get("/tasks/export.xlsx").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("onLimit"));
    }
}
