package vn.ntm.task.worklist;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.task.shared.TaskStatus;
import vn.ntm.task.shared.TaskView;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A content longer than an Excel cell holds is cut with an ellipsis instead of failing the whole workbook. */
class XlsxTest {
    @Test
    void aContentLongerThanACellHoldsIsCutWithAnEllipsis() throws IOException {
        String description = "Rà soát, bổ sung hồ sơ. ".repeat(2_000);
        TaskView task = new TaskView(UUID.randomUUID(), UUID.randomUUID(), "06490", "Xã Thượng Cường", 17,
                "Môi trường và an toàn thực phẩm", new OrganisationRef("UBND_XA", "06490", "UBND xã Thượng Cường"),
                "Hoàn thành tiêu chí số 17", description, LocalDate.of(2026, 6, 30), TaskStatus.OPEN, true, 1,
                null, Instant.parse("2026-03-20T02:15:43Z"), null, null, false, null, null, null, null, null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Xlsx xlsx = new Xlsx(out)) {
            xlsx.task(new ExportRow(1, task, LocalDate.of(2026, 3, 20), 3));
            xlsx.finish();
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            String cell = workbook.getSheetAt(0).getRow(1)
                    .getCell(ExportLabels.COLUMNS.indexOf(ExportLabels.Column.DESCRIPTION)).getStringCellValue();
            assertThat(cell).hasSize(32_767).endsWith("…");
            assertThat(description).startsWith(cell.substring(0, cell.length() - 1));
        }
    }
}
