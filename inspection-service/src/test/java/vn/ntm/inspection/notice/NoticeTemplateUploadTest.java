package vn.ntm.inspection.notice;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.Db;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A province's own notice templates (PUT/GET/DELETE /notice-templates/{provinceCode}/{kind}): a good one is stored and
 * renders the province's notices, a broken one is refused at upload with what is wrong and nothing is stored, and
 * only an administrator or an inspector of the province may touch them. Every test leaves province 20 on the bundled
 * templates.
 */
@QuarkusTest
class NoticeTemplateUploadTest {
    private static final String DOCX = DocxRenderer.MEDIA_TYPE;
    private static final String TEXT = "text/plain; charset=UTF-8";
    private static final String MARKER = "MẪU RIÊNG CỦA TỈNH LẠNG SƠN";

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void catalogHasTheSeedSet() {
        CatalogFixture.ensureSeedSet(db);
    }

    @AfterEach
    void backToTheBundledTemplates() {
        for (String kind : new String[] {"docx", "pdf"}) {
            Api.as(Auth.admin()).delete(path("20", kind)).then().statusCode(204);
        }
    }

    private static String path(String province, String kind) {
        return "/notice-templates/" + province + "/" + kind;
    }

    private static RequestSpecification upload(String bearer, String type, byte[] body) {
        return Api.as(bearer).contentType(type).accept("application/json").body(body);
    }

    private long stored(String province) {
        return Db.count(db, "select count(*) from notice_template where province_code = ?", province);
    }

    private static byte[] bundledDocx() {
        return Api.as(Auth.admin()).get(path("20", "docx")).then().statusCode(200).contentType(DOCX)
                .header("Content-Disposition", "attachment; filename=\"thong-bao.docx\"")
                .extract().asByteArray();
    }

    private static String bundledLayout() {
        return new String(Api.as(Auth.admin()).get(path("20", "pdf")).then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asByteArray(), StandardCharsets.UTF_8);
    }

    /** The bundled Word template with one more paragraph of {@code text} at its end. */
    private static byte[] docxWith(String text) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bundledDocx()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** A small DRAFT of province 20, as the inspector of province 20. */
    private static String draft() {
        return Api.json().body(Api.inspectionBody("Mẫu thông báo " + UUID.randomUUID(), Api.uniqueCommune(),
                "2024-05-10")).post("/inspections").then().statusCode(201).extract().path("id");
    }


    private static byte[] notice(String id, String accept) {
        return Api.reader().accept(accept).get("/inspections/" + id + "/notice").then().statusCode(200).extract()
                .asByteArray();
    }

    @Test
    void aGoodWordTemplateIsStoredAndRendersTheProvincesNoticesUntilDeleted() throws IOException {
        String id = draft();
        byte[] template = docxWith(MARKER);

        upload(Auth.inspector("20"), DOCX, template).put(path("20", "docx")).then().statusCode(201)
                .contentType("application/json").body("provinceCode", equalTo("20")).body("kind", equalTo("docx"))
                .body("size", equalTo(template.length)).body("uploadedBy", equalTo("inspector-20"));
        upload(Auth.admin(), DOCX, template).put(path("20", "docx")).then().statusCode(200)
                .body("uploadedBy", equalTo("admin-test"));

        Response inForce = Api.as(Auth.inspector("20")).get(path("20", "docx"));
        inForce.then().statusCode(200).contentType(DOCX)
                .header("Content-Disposition", "attachment; filename=\"thong-bao-20.docx\"");
        assertThat(inForce.asByteArray()).isEqualTo(template);
        assertThat(InspectionNoticeTest.docxText(notice(id, DOCX))).contains(MARKER, "THÔNG BÁO");

        Api.as(Auth.inspector("20")).delete(path("20", "docx")).then().statusCode(204);

        assertThat(stored("20")).isZero();
        assertThat(InspectionNoticeTest.docxText(notice(id, DOCX))).doesNotContain(MARKER);
        assertThat(Api.as(Auth.admin()).get(path("20", "docx")).asByteArray()).isEqualTo(bundledDocx());
    }

    @Test
    void aGoodPdfLayoutIsStoredAndRendersTheProvincesNotices() throws IOException {
        String id = draft();
        String layout = bundledLayout().replace("label.title=THÔNG BÁO", "label.title=THÔNG BÁO KẾT QUẢ KIỂM TRA");

        upload(Auth.inspector("20"), TEXT, layout.getBytes(StandardCharsets.UTF_8)).put(path("20", "pdf")).then()
                .statusCode(201).body("kind", equalTo("pdf"));

        assertThat(new String(Api.as(Auth.inspector("20")).get(path("20", "pdf")).then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"thong-bao-pdf-20.properties\"")
                .extract().asByteArray(), StandardCharsets.UTF_8)).isEqualTo(layout);
        assertThat(InspectionNoticeTest.pdfText(notice(id, "application/pdf"))).contains("THÔNG BÁO KẾT QUẢ KIỂM TRA");
    }

    @Test
    void aWordTemplateWithAnUnknownPlaceholderIsRefusedNamingItAndNothingIsStored() throws IOException {
        byte[] template = docxWith("Mã hồ sơ: {{ma_ho_so}}");

        upload(Auth.inspector("20"), DOCX, template).put(path("20", "docx")).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("NOTICE_TEMPLATE_INVALID"))
                .body("detail", containsString("{{ma_ho_so}}"))
                .body("errors[0].message", containsString("{{ma_ho_so}}"))
                .body("errors[0].message", containsString("{{so}}"));

        assertThat(stored("20")).isZero();
    }

    @Test
    void garbageBytesAsAWordTemplateAreRefusedWithTheParsersMessage() {
        upload(Auth.inspector("20"), DOCX, "không phải tệp Word".getBytes(StandardCharsets.UTF_8))
                .put(path("20", "docx")).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("NOTICE_TEMPLATE_INVALID"))
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString(".docx"));
        upload(Auth.inspector("20"), DOCX, new byte[0]).put(path("20", "docx")).then().statusCode(422);

        assertThat(stored("20")).isZero();
    }

    @Test
    void aWordTemplateWithoutTheBodyIsRefused() throws IOException {
        byte[] noBody;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Số: {{so}}");
            doc.write(out);
            noBody = out.toByteArray();
        }

        upload(Auth.admin(), DOCX, noBody).put(path("20", "docx")).then().statusCode(422)
                .body("errors[0].message", containsString("{{noi_dung}}"));

        assertThat(stored("20")).isZero();
    }

    @Test
    void aBrokenPdfLayoutIsRefusedWithEachProblemAndNothingIsStored() {
        String layout = bundledLayout();
        String missingAndUnknown = layout.replace("size.body=11", "size.bodyy=11");
        upload(Auth.inspector("20"), TEXT, missingAndUnknown.getBytes(StandardCharsets.UTF_8)).put(path("20", "pdf"))
                .then().statusCode(422).body("code", equalTo("NOTICE_TEMPLATE_INVALID"))
                .body("errors.message", hasItem(containsString("size.bodyy")))
                .body("errors.message", hasItem(containsString("size.body")));
        String notANumber = layout.replace("size.body=11", "size.body=mười một");
        upload(Auth.inspector("20"), TEXT, notANumber.getBytes(StandardCharsets.UTF_8)).put(path("20", "pdf"))
                .then().statusCode(422).body("errors[0].message", containsString("size.body"));
        String noFont = layout.replace("fonts/DejaVuSans-Bold.ttf", "fonts/KhongCo.ttf");
        upload(Auth.inspector("20"), TEXT, noFont.getBytes(StandardCharsets.UTF_8)).put(path("20", "pdf"))
                .then().statusCode(422).body("errors[0].message", containsString("KhongCo.ttf"));
        String outside = layout.replace("fonts/DejaVuSans-Bold.ttf", "../application.properties");
        upload(Auth.inspector("20"), TEXT, outside.getBytes(StandardCharsets.UTF_8)).put(path("20", "pdf"))
                .then().statusCode(422).body("errors[0].message", containsString("../application.properties"));
        upload(Auth.inspector("20"), TEXT, new byte[] {'a', '=', (byte) 0xC3, (byte) 0x28}).put(path("20", "pdf"))
                .then().statusCode(422).body("errors[0].message", containsString("UTF-8"));

        assertThat(stored("20")).isZero();
    }

    @Test
    void onlyAnAdministratorOrAnInspectorOfTheProvinceManagesItsTemplates() throws IOException {
        byte[] template = docxWith(MARKER);

        upload(null, DOCX, template).put(path("20", "docx")).then().statusCode(401);
        upload(Auth.viewer("20"), DOCX, template).put(path("20", "docx")).then().statusCode(403)
                .contentType("application/problem+json");
        upload(Auth.inspector("01"), DOCX, template).put(path("20", "docx")).then().statusCode(404)
                .contentType("application/problem+json");
        upload(Auth.ops(), DOCX, template).put(path("20", "docx")).then().statusCode(403);
        Api.as(Auth.viewer("20")).get(path("20", "docx")).then().statusCode(403);
        Api.as(Auth.inspector("01")).get(path("20", "docx")).then().statusCode(404);
        Api.as(Auth.inspector("01")).delete(path("20", "docx")).then().statusCode(404);
        Api.as(Auth.viewer("20")).delete(path("20", "docx")).then().statusCode(403);
        assertThat(stored("20")).isZero();

        upload(Auth.admin(), DOCX, template).put(path("99", "docx")).then().statusCode(404)
                .contentType("application/problem+json");
        upload(Auth.admin(), DOCX, template).put(path("2x", "docx")).then().statusCode(400)
                .body("errors.field", hasItem("provinceCode"));
        upload(Auth.admin(), DOCX, template).put(path("20", "xlsx")).then().statusCode(400)
                .body("errors.field", hasItem("kind"));
        upload(Auth.admin(), TEXT, template).put(path("20", "docx")).then().statusCode(415)
                .contentType("application/problem+json");
        upload(Auth.admin(), "application/pdf", template).put(path("20", "pdf")).then().statusCode(415);
        assertThat(stored("20")).isZero();
        assertThat(stored("99")).isZero();
    }

    @Test
    void aTemplateAboveTheLimitIs413() {
        byte[] big = new byte[5 * 1024 * 1024 + 1];

        upload(Auth.admin(), DOCX, big).put(path("20", "docx")).then().statusCode(413)
                .contentType("application/problem+json");

        assertThat(stored("20")).isZero();
    }
}
