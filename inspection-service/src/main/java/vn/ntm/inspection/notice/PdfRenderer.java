package vn.ntm.inspection.notice;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import vn.ntm.inspection.notice.NoticeDocument.Block;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

/**
 * Lays out a notice as an A4 PDF with OpenPDF. Labels, sizes, margins and font files come from
 * {@code notice/thong-bao-pdf.properties} (the province's copy when it has one); the fonts are embedded, so every
 * Vietnamese glyph shows wherever the file is opened.
 */
public final class PdfRenderer {
    public static final String MEDIA_TYPE = "application/pdf";

    private PdfRenderer() {
    }

    /**
     * {@code fonts} gives the font of a file named in the layout (relative to the template directory); fonts are
     * parsed once and shared ({@link NoticeTemplates#font}).
     */
    public static byte[] render(NoticeDocument notice, Properties layout, Function<String, BaseFont> fonts) {
        Layout l = new Layout(layout);
        BaseFont regular = fonts.apply(l.text("font.regular"));
        BaseFont bold = fonts.apply(l.text("font.bold"));
        BaseFont italic = fonts.apply(l.text("font.italic"));
        float header = l.number("size.header");
        float body = l.number("size.body");
        Font headerBold = new Font(bold, header);
        Font headerRegular = new Font(regular, header);
        Font headerItalic = new Font(italic, header);
        Font bodyRegular = new Font(regular, body);
        Font bodyBold = new Font(bold, body);
        Font recipients = new Font(regular, l.number("size.recipients"));
        Font recipientsLabel = new Font(bold, l.number("size.recipients") + 1);

        Document document = new Document(PageSize.A4, l.number("page.margin-left"), l.number("page.margin-right"),
                l.number("page.margin-top"), l.number("page.margin-bottom"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(l.text("label.title") + " " + notice.subject());
            document.addCreator("ntm inspection-service");
            document.open();
            if (notice.draft()) {
                Paragraph draft = new Paragraph(l.text("label.draft"), new Font(bold, l.number("size.draft"),
                        Font.NORMAL, l.color("color.draft")));
                draft.setAlignment(Element.ALIGN_CENTER);
                draft.setSpacingAfter(6);
                document.add(draft);
            }
            PdfPTable top = table(new float[] {l.number("header.left-width"), l.number("header.right-width")});
            top.addCell(cell(centered(notice.issuingBody(), headerBold),
                    centered(l.text("label.number") + " " + notice.number(), headerRegular)));
            top.addCell(cell(centered(l.text("label.country"), headerBold),
                    centered(l.text("label.motto"), headerBold),
                    spaced(centered(notice.placeAndDate(), headerItalic), 6)));
            document.add(top);

            Paragraph title = centered(l.text("label.title"), new Font(bold, l.number("size.title")));
            title.setSpacingBefore(l.number("title.spacing-before"));
            document.add(title);
            Paragraph subject = centered(notice.subject(), bodyBold);
            subject.setSpacingAfter(l.number("title.spacing-after"));
            document.add(subject);

            float indent = l.number("body.first-line-indent");
            float after = l.number("body.spacing-after");
            for (Block block : notice.body()) {
                Paragraph p = switch (block.style()) {
                    case HEADING, SUBHEADING -> new Paragraph(block.text(), bodyBold);
                    case TEXT -> new Paragraph(block.text(), bodyRegular);
                    case ITEM -> new Paragraph("- " + block.text(), bodyRegular);
                };
                if (block.style() != NoticeDocument.Style.HEADING) {
                    p.setFirstLineIndent(indent);
                }
                p.setLeading(body * l.number("body.leading"));
                p.setSpacingAfter(after);
                if (block.style() == NoticeDocument.Style.HEADING) {
                    p.setSpacingBefore(after * 2);
                }
                document.add(p);
            }

            PdfPTable bottom = table(new float[] {l.number("footer.left-width"), l.number("footer.right-width")});
            bottom.setSpacingBefore(l.number("footer.spacing-before"));
            bottom.addCell(cell(recipientsParagraph(l.text("label.recipients"), notice.recipients(), recipientsLabel,
                    recipients)));
            Paragraph name = centered(notice.signer().name(), headerBold);
            name.setSpacingBefore(l.number("signer.space"));
            bottom.addCell(cell(centered(notice.signer().title(), headerBold), name));
            document.add(bottom);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the notice's PDF layout", e);
        }
        return out.toByteArray();
    }

    private static Paragraph recipientsParagraph(String label, List<String> names, Font labelFont, Font font) {
        Paragraph p = new Paragraph(label, labelFont);
        for (int i = 0; i < names.size(); i++) {
            p.add(new com.lowagie.text.Chunk("\n- " + names.get(i) + (i == names.size() - 1 ? "." : ";"), font));
        }
        return p;
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        return table;
    }

    private static PdfPCell cell(Paragraph... paragraphs) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        for (Paragraph p : paragraphs) {
            cell.addElement(p);
        }
        return cell;
    }

    private static Paragraph centered(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    private static Paragraph spaced(Paragraph p, float before) {
        p.setSpacingBefore(before);
        return p;
    }

    /** The layout's properties; a missing key is the template's mistake, named in the error. */
    private record Layout(Properties properties) {
        String text(String key) {
            String value = properties.getProperty(key);
            if (value == null) {
                throw new IllegalStateException("notice PDF layout: no " + key);
            }
            return value.strip();
        }

        float number(String key) {
            String value = text(key);
            try {
                float number = Float.parseFloat(value);
                if (!Float.isFinite(number) || number < 0) {
                    throw new NumberFormatException();
                }
                return number;
            } catch (NumberFormatException e) {
                throw new IllegalStateException("notice PDF layout: " + key + " is not a number of points: " + value);
            }
        }

        Color color(String key) {
            String value = text(key);
            try {
                return Color.decode(value);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("notice PDF layout: " + key + " is not a colour (#RRGGBB): " + value);
            }
        }
    }
}
