package vn.ntm.inspection.notice;

import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import vn.ntm.inspection.notice.NoticeDocument.Block;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills the Word template ({@code notice/thong-bao.docx}) with a notice. Inline placeholders ({@code {{so}}},
 * {@code {{tieu_de}}}, …) are replaced where they stand, keeping the formatting of the run they start in; a paragraph
 * holding only {@code {{noi_dung}}} or {@code {{noi_nhan}}} becomes the body's or the recipients' paragraphs, in the
 * template's paragraph styles {@value #HEADING}, {@value #SUBHEADING}, {@value #TEXT}, {@value #ITEM} and
 * {@value #RECIPIENT} (a style the template lacks falls back to its normal style).
 */
public final class DocxRenderer {
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String HEADING = "TBMuc";
    static final String SUBHEADING = "TBTieuMuc";
    static final String TEXT = "TBDoanVan";
    static final String ITEM = "TBGachDong";
    static final String RECIPIENT = "TBNoiNhan";
    static final String BODY = "{{noi_dung}}";
    static final String RECIPIENTS = "{{noi_nhan}}";

    private DocxRenderer() {
    }

    /** The placeholders a template may use, with their values for {@code notice}. */
    static Map<String, String> values(NoticeDocument notice) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("{{du_thao}}", notice.draft() ? "DỰ THẢO" : "");
        values.put("{{co_quan}}", notice.issuingBody());
        values.put("{{so}}", notice.number());
        values.put("{{dia_danh_ngay}}", notice.placeAndDate());
        values.put("{{tieu_de}}", notice.subject());
        values.put("{{chuc_vu}}", notice.signer().title());
        values.put("{{nguoi_ky}}", notice.signer().name());
        return values;
    }

    public static byte[] render(NoticeDocument notice, byte[] template) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Map<String, String> values = values(notice);
            fill(doc, notice, values);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the notice template", e);
        }
    }

    private static void fill(IBody body, NoticeDocument notice, Map<String, String> values) {
        for (IBodyElement element : new ArrayList<>(body.getBodyElements())) {
            if (element instanceof XWPFParagraph p) {
                paragraph(body, p, notice, values);
            } else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        fill(cell, notice, values);
                    }
                }
            }
        }
    }

    private static void paragraph(IBody body, XWPFParagraph p, NoticeDocument notice, Map<String, String> values) {
        String text = p.getText().strip();
        if (text.equals(BODY)) {
            for (Block block : notice.body()) {
                insertBefore(body, p, style(block.style()),
                        block.style() == NoticeDocument.Style.ITEM ? "- " + block.text() : block.text());
            }
            remove(body, p);
        } else if (text.equals(RECIPIENTS)) {
            List<String> recipients = notice.recipients();
            for (int i = 0; i < recipients.size(); i++) {
                insertBefore(body, p, RECIPIENT, "- " + recipients.get(i) + (i == recipients.size() - 1 ? "." : ";"));
            }
            remove(body, p);
        } else if (text.contains("{{")) {
            replaceInline(p, values);
        }
    }

    private static String style(NoticeDocument.Style style) {
        return switch (style) {
            case HEADING -> HEADING;
            case SUBHEADING -> SUBHEADING;
            case TEXT -> TEXT;
            case ITEM -> ITEM;
        };
    }

    private static void insertBefore(IBody body, XWPFParagraph anchor, String style, String text) {
        XWPFParagraph added;
        try (XmlCursor cursor = anchor.getCTP().newCursor()) {
            added = body.insertNewParagraph(cursor);
        }
        added.setStyle(style);
        XWPFRun run = added.createRun();
        run.setText(text);
    }

    private static void remove(IBody body, XWPFParagraph p) {
        if (body instanceof XWPFDocument doc) {
            doc.removeBodyElement(doc.getPosOfParagraph(p));
        } else if (body instanceof XWPFTableCell cell) {
            cell.removeParagraph(cell.getParagraphs().indexOf(p));
        }
    }

    /**
     * Word splits text into runs where it likes (spelling marks, edits): the paragraph's text goes into its first run,
     * whose formatting it keeps, and the placeholders are replaced there.
     */
    private static void replaceInline(XWPFParagraph p, Map<String, String> values) {
        String text = p.getText();
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        List<XWPFRun> runs = p.getRuns();
        for (int i = runs.size() - 1; i > 0; i--) {
            p.removeRun(i);
        }
        XWPFRun first = runs.isEmpty() ? p.createRun() : p.getRuns().get(0);
        first.setText(text, 0);
        // a run may hold several text elements: the first holds all now
        while (first.getCTR().sizeOfTArray() > 1) {
            first.getCTR().removeT(1);
        }
    }
}
