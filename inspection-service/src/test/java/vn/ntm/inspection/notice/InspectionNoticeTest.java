package vn.ntm.inspection.notice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.SeedInspection;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The seed inspection's notice rendered as DOCX and PDF, read back with POI and PDFBox: every fact of the record is in
 * the text, Vietnamese byte for byte. Line breaks are the layout's, so texts are compared without whitespace.
 */
@QuarkusTest
class InspectionNoticeTest {
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String PDF = "application/pdf";
    private static final String DEPARTMENT_TASK = "Hướng dẫn UBND xã Thượng Cường hoàn thiện tiêu chí số 2 (Giao"
            + " thông) theo hướng dẫn của Sở.";

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void catalogHasTheSeedSet() {
        CatalogFixture.ensureSeedSet(db);
    }

    /** The seed inspection with the notice's fields and a recommendation to a department too. */
    private static String enterSeed() {
        ObjectNode body = SeedInspection.createBody();
        body.put("number", "245/TB-SLĐTBXH");
        body.put("place", "Lạng Sơn");
        body.putObject("signer").put("title", "Giám đốc").put("name", "Phạm Đức Huân");
        body.putArray("recipients").add("UBND tỉnh (để báo cáo)").add("BCĐ XDNTM tỉnh (để báo cáo)")
                .add("UBND huyện Chi Lăng").add("Đảng ủy, UBND xã Thượng Cường, xã Chi Lăng")
                .add("Lưu: VT, P.BTXHTE");
        String id = Api.json().body(body.toString()).post("/inspections").then().statusCode(201)
                .body("number", equalTo("245/TB-SLĐTBXH"))
                .body("signer.name", equalTo("Phạm Đức Huân"))
                .extract().path("id");
        for (String commune : List.of(SeedInspection.THUONG_CUONG, SeedInspection.CHI_LANG)) {
            Api.findings(id).body(SeedInspection.findings(commune).toString())
                    .put("/inspections/" + id + "/communes/" + commune + "/findings").then().statusCode(200);
        }
        for (ObjectNode r : SeedInspection.recommendations()) {
            Api.json().body(r.toString()).post("/inspections/" + id + "/recommendations").then().statusCode(201);
        }
        Api.json().body("""
                {"assignee": {"type": "SO_NGANH", "code": "20:GTVT", "name": "Sở Giao thông vận tải"},
                 "content": "%s", "deadline": "2022-09-30"}""".formatted(DEPARTMENT_TASK))
                .post("/inspections/" + id + "/recommendations").then().statusCode(201);
        return id;
    }

    private static Response notice(String bearer, String id, String accept) {
        return Api.as(bearer).accept(accept).get("/inspections/" + id + "/notice");
    }

    /** The text of a Word file as POI reads it. */
    static String docxText(byte[] file) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            return text.getText();
        }
    }

    /** The text of a PDF as PDFBox reads it. */
    static String pdfText(byte[] file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** Every fact of the seed notice that the record holds. */
    private static void assertSeedFacts(String text) {
        String t = compact(text);
        List<String> facts = List.of(
                "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH LẠNG SƠN", "Số: 245/TB-SLĐTBXH",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lạng Sơn, ngày ",
                "THÔNG BÁO",
                "Kiểm tra Chương trình mục tiêu quốc gia xây dựng nông thôn mới tại huyện Chi Lăng năm 2022",
                // the plans, with numbers and dates
                "Văn bản số 23/KH-UBND ngày 29/01/2022 của UBND tỉnh Lạng Sơn",
                "Văn bản số 71/KH-SLĐTBXH ngày 09/05/2022 của Sở Lao động – Thương binh và Xã hội tỉnh Lạng Sơn",
                // date, lead agency, participants
                "Ngày 20/07/2022, Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn tổ chức kiểm tra",
                "tại xã Thượng Cường, xã Chi Lăng (huyện Chi Lăng, tỉnh Lạng Sơn)",
                "Đoàn TNCSHCM tỉnh Lạng Sơn", "Sở Văn hóa, Thể thao và Du lịch", "Sở Tài nguyên và Môi trường",
                "Sở Giao thông vận tải", "Sở Giáo dục và Đào tạo",
                "Văn phòng Điều phối xây dựng nông thôn mới tỉnh Lạng Sơn",
                "I. ĐÁNH GIÁ CHUNG", "Đoàn kiểm tra ghi nhận, đánh giá cao những quyết tâm",
                "xã Thượng Cường phấn đấu đạt chuẩn nông thôn mới năm 2022",
                "xã Chi Lăng phấn đấu đạt chuẩn nông thôn mới kiểu mẫu năm 2022",
                // the average as stated, and the change against the previous set
                "10,11 tiêu chí/xã", "giảm 4,45 tiêu chí",
                // Thượng Cường: 13/19, the met ones and the unmet ones with notes, remedies, deadline
                "Xã Thượng Cường", "xã Thượng Cường đạt 13/19 tiêu chí, gồm: số 1 (Quy hoạch), số 3 (Thủy lợi và"
                        + " phòng, chống thiên tai), số 4 (Điện), số 7 (Cơ sở hạ tầng thương mại nông thôn), số 8"
                        + " (Thông tin và Truyền thông), số 9 (Nhà ở dân cư), số 10 (Thu nhập), số 11 (Nghèo đa"
                        + " chiều), số 12 (Lao động), số 13 (Tổ chức sản xuất và phát triển kinh tế nông thôn), số 14"
                        + " (Giáo dục và Đào tạo), số 16 (Văn hóa), số 19 (Quốc phòng và An ninh)",
                "Các tiêu chí chưa đạt (6 tiêu chí):", "Tiêu chí số 2 (Giao thông).", "Tiêu chí số 5 (Trường học).",
                "Tiêu chí số 6 (Cơ sở vật chất văn hóa): Tiêu chí chưa đạt chuẩn thuộc về nội lực của Nhân dân."
                        + " Giải pháp: Đẩy mạnh công tác tuyên truyền, vận động Nhân dân thực hiện.",
                "Tiêu chí số 15 (Y tế).",
                "Tiêu chí số 17 (Môi trường và an toàn thực phẩm): Tiêu chí chưa đạt chuẩn thuộc về nội lực của"
                        + " Nhân dân. Giải pháp: Cán bộ phụ trách các thôn xuống từng hộ gia đình",
                "Thời hạn hoàn thành: 30/10/2022.",
                "Tiêu chí số 18 (Hệ thống chính trị và tiếp cận pháp luật).",
                // Chi Lăng: 10/19 as stated, the four named unmet criteria with their notes
                "xã Chi Lăng đạt 10/19 tiêu chí", "Các tiêu chí chưa đạt (4 tiêu chí):",
                "Tiêu chí số 2 (Giao thông): Tiêu chí chưa đạt, được nêu trong thông báo.",
                "Tiêu chí số 5 (Trường học): Tiêu chí chưa đạt, được nêu trong thông báo.",
                "Tiêu chí số 13 (Tổ chức sản xuất và phát triển kinh tế nông thôn): Tiêu chí chưa đạt",
                "Tiêu chí số 17 (Môi trường và an toàn thực phẩm): Tiêu chí chưa đạt, được nêu trong thông báo.",
                "II. NHIỆM VỤ TRONG THỜI GIAN TỚI",
                "1. Ủy ban nhân dân cấp xã", "2. Ủy ban nhân dân cấp huyện", "3. Các sở, ngành của tỉnh",
                "UBND xã Thượng Cường: Tiếp tục chủ động, tích cực hơn nữa",
                "UBND xã Chi Lăng: Tiếp tục chủ động, tích cực hơn nữa",
                "UBND huyện Chi Lăng: Chỉ đạo các phòng chuyên môn hỗ trợ, giám sát xã Thượng Cường",
                "Thời hạn hoàn thành: 31/12/2022.",
                "Văn phòng Điều phối xây dựng nông thôn mới tỉnh Lạng Sơn: Chủ động hướng dẫn, hỗ trợ UBND huyện"
                        + " Chi Lăng",
                "Sở Giao thông vận tải: " + DEPARTMENT_TASK + " Thời hạn hoàn thành: 30/09/2022.",
                "Nơi nhận:", "- UBND tỉnh (để báo cáo);", "- BCĐ XDNTM tỉnh (để báo cáo);",
                "- UBND huyện Chi Lăng;", "- Đảng ủy, UBND xã Thượng Cường, xã Chi Lăng;", "- Lưu: VT, P.BTXHTE.",
                "GIÁM ĐỐC", "Phạm Đức Huân");
        for (String fact : facts) {
            assertThat(t).as(fact).contains(compact(fact));
        }
        for (ObjectNode r : SeedInspection.recommendations()) {
            assertThat(t).contains(compact(r.get("assignee").get("name").asText() + ": "
                    + r.get("content").asText()));
        }
        assertThat(t).doesNotContain("DỰTHẢO");
    }

    @Test
    void finalizedSeedRendersAsDocxWithEveryFact() throws IOException {
        String id = enterSeed();
        Api.json().post("/inspections/" + id + "/finalize").then().statusCode(200);

        Response response = notice(Auth.viewer("20"), id, DOCX);

        response.then().statusCode(200).contentType(DOCX)
                .header("Content-Disposition", "attachment; filename=\"thong-bao-" + id + ".docx\"");
        String text = docxText(response.asByteArray());
        assertSeedFacts(text);
        assertThat(text).contains("Độc lập - Tự do - Hạnh phúc", "Thượng Cường", "Phạm Đức Huân");
    }

    @Test
    void finalizedSeedRendersAsPdfWithEveryFactAndAnImageOfItsFirstPage() throws IOException {
        String id = enterSeed();
        Api.json().post("/inspections/" + id + "/finalize").then().statusCode(200);

        Response response = notice(Auth.inspector("20"), id, PDF);

        response.then().statusCode(200).contentType(PDF)
                .header("Content-Disposition", "attachment; filename=\"thong-bao-" + id + ".pdf\"");
        byte[] file = response.asByteArray();
        String text = pdfText(file);
        assertSeedFacts(text);
        assertThat(text).contains("Độc lập - Tự do - Hạnh phúc", "Thượng Cường", "Phạm Đức Huân");
        // the image README shows (docs/notice-page-1.png is a copy of it)
        try (PDDocument doc = Loader.loadPDF(file)) {
            Path png = Path.of("target", "notice-page-1.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 100), "png", png.toFile());
        }
    }

    @Test
    void draftRendersMarkedAsDraft() throws IOException {
        String id = enterSeed();

        Response docx = notice(Auth.viewer("20"), id, DOCX);
        docx.then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"thong-bao-du-thao-" + id + ".docx\"");
        assertThat(docxText(docx.asByteArray())).contains("DỰ THẢO", "ngày … tháng … năm …");

        Response pdf = notice(Auth.viewer("20"), id, PDF);
        pdf.then().statusCode(200);
        assertThat(compact(pdfText(pdf.asByteArray()))).contains("DỰTHẢO", compact("ngày … tháng … năm …"));
    }

    @Test
    void anotherAcceptIsNotAcceptable() {
        String id = enterSeed();

        notice(Auth.viewer("20"), id, "text/plain").then().statusCode(406)
                .contentType("application/problem+json");
        notice(Auth.viewer("20"), id, "application/json").then().statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void unknownInspectionAndAnotherProvincesAreNotFound() {
        String id = enterSeed();

        notice(Auth.viewer("20"), UUID.randomUUID().toString(), PDF).then().statusCode(404)
                .contentType("application/problem+json");
        notice(Auth.viewer("42"), id, PDF).then().statusCode(404).contentType("application/problem+json");
        notice(Auth.inspector("01"), id, DOCX).then().statusCode(404).contentType("application/problem+json");
        notice(null, id, PDF).then().statusCode(401);
    }

    @Test
    void noticeFieldsAreValidatedAndReadBack() {
        ObjectNode body = SeedInspection.createBody();
        body.put("title", "Notice fields " + UUID.randomUUID());
        body.put("number", "1".repeat(101));
        body.putArray("recipients").add(" ");
        body.putObject("signer").put("title", "x".repeat(501));
        Api.json().body(body.toString()).post("/inspections").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("number"))
                .body("errors.field", hasItem("recipients[0]"))
                .body("errors.field", hasItem("signer.title"));

        String id = enterSeed();
        Api.reader().get("/inspections/" + id).then().statusCode(200)
                .body("number", equalTo("245/TB-SLĐTBXH"))
                .body("place", equalTo("Lạng Sơn"))
                .body("signer.title", equalTo("Giám đốc"))
                .body("recipients[4]", equalTo("Lưu: VT, P.BTXHTE"));
    }
}
