package vn.ntm.inspection.notice;

import io.quarkus.runtime.configuration.MemorySize;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.ntm.inspection.notice.NoticeDocument.Block;
import vn.ntm.inspection.notice.NoticeDocument.SignatureBlock;
import vn.ntm.inspection.notice.NoticeDocument.Style;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A province's template files replace the bundled ones; plain JUnit, no application. */
class NoticeTemplatesTest {
    private static final NoticeDocument NOTICE = new NoticeDocument(false, "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH HÀ TĨNH",
            "245/TB-SNNMT", "Hà Tĩnh, ngày 03 tháng 10 năm 2025", "Kết quả kiểm tra tại xã Thạch Xuân",
            List.of(new Block(Style.HEADING, "I. ĐÁNH GIÁ CHUNG"), new Block(Style.ITEM, "Xã Thạch Xuân đạt 17/19")),
            List.of("UBND tỉnh (để báo cáo)", "Lưu: VT"), new SignatureBlock("GIÁM ĐỐC", "Trần Văn Minh"));

    private static NoticeTemplates templates(Path dir) {
        return new NoticeTemplates(new NoticeConfig() {
            @Override
            public Optional<String> templateDir() {
                return Optional.ofNullable(dir).map(Path::toString);
            }

            @Override
            public MemorySize maxTemplateSize() {
                return new MemorySize(java.math.BigInteger.valueOf(5L * 1024 * 1024));
            }
        });
    }

    @Test
    void withoutADirectoryTheBundledFilesAreUsed() throws IOException {
        NoticeTemplates bundled = templates(null);

        assertThat(bundled.pdfLayout().getProperty("label.motto")).isEqualTo("Độc lập - Tự do - Hạnh phúc");
        String text = docx(DocxRenderer.render(NOTICE, bundled.bytes(NoticeTemplates.DOCX)));
        assertThat(text).contains("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH HÀ TĨNH", "Số: 245/TB-SNNMT",
                "Hà Tĩnh, ngày 03 tháng 10 năm 2025", "I. ĐÁNH GIÁ CHUNG", "- Xã Thạch Xuân đạt 17/19",
                "- UBND tỉnh (để báo cáo);", "- Lưu: VT.", "GIÁM ĐỐC", "Trần Văn Minh").doesNotContain("{{");
    }

    @Test
    void aProvincesPdfLayoutReplacesTheBundledOneAndKeepsTheBundledFonts(@TempDir Path dir) throws IOException {
        String layout = new String(templates(null).bytes(NoticeTemplates.PDF), StandardCharsets.UTF_8)
                .replace("label.title=THÔNG BÁO", "label.title=THÔNG BÁO KẾT QUẢ KIỂM TRA");
        Files.writeString(dir.resolve(NoticeTemplates.PDF), layout, StandardCharsets.UTF_8);
        NoticeTemplates province = templates(dir);

        byte[] pdf = PdfRenderer.render(NOTICE, province.pdfLayout(), province::font);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("THÔNG BÁO KẾT QUẢ KIỂM TRA", "Trần Văn Minh");
        }
    }

    @Test
    void aProvincesWordTemplateIsFilledEvenWhereWordSplitAPlaceholder(@TempDir Path dir) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph number = doc.createParagraph();
            number.createRun().setText("Số hiệu: {{");
            number.createRun().setText("so}} của {{co_quan}}");
            doc.createParagraph().createRun().setText("{{noi_dung}}");
            doc.createParagraph().createRun().setText("Kính gửi:");
            doc.createParagraph().createRun().setText("{{noi_nhan}}");
            doc.write(out);
            Files.write(dir.resolve(NoticeTemplates.DOCX), out.toByteArray());
        }

        String text = docx(DocxRenderer.render(NOTICE, templates(dir).bytes(NoticeTemplates.DOCX)));

        assertThat(text).isEqualTo("""
                Số hiệu: 245/TB-SNNMT của SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH HÀ TĨNH
                I. ĐÁNH GIÁ CHUNG
                - Xã Thạch Xuân đạt 17/19
                Kính gửi:
                - UBND tỉnh (để báo cáo);
                - Lưu: VT.
                """);
    }

    @Test
    void aProvincesBrokenTemplateIsRefusedWithItsNameAndTheBundledOnesPass(@TempDir Path dir) throws IOException {
        templates(null).check();
        templates(dir).check(); // an empty directory: the bundled files
        Files.writeString(dir.resolve(NoticeTemplates.DOCX), "not a Word file");

        assertThatThrownBy(() -> templates(dir).check()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the notice template thong-bao.docx of " + dir)
                .hasMessageContaining("cannot be rendered");
    }

    @Test
    void aNameOutsideTheDirectoryIsNeverRead(@TempDir Path dir) throws IOException {
        Path inside = Files.createDirectories(dir.resolve("province"));
        Files.writeString(dir.resolve("secret.txt"), "secret");

        assertThatThrownBy(() -> templates(inside).bytes("../secret.txt")).isInstanceOf(IllegalStateException.class);
    }

    private static String docx(byte[] file) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            return text.getText();
        }
    }
}
