package vn.ntm.inspection.notice;

import com.lowagie.text.pdf.BaseFont;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import vn.ntm.inspection.notice.NoticeDocument.Block;
import vn.ntm.inspection.notice.NoticeDocument.Style;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a template renders: the sample notice is rendered with it, and what goes wrong is returned as issues (an
 * empty list: the template is good). The Word template must be a readable .docx whose placeholders are all known and
 * that places the body ({@value DocxRenderer#BODY} alone in a paragraph); the PDF layout must be UTF-8 properties
 * with only known keys, every key the layout needs, numbers and colours that parse and fonts that load.
 */
public final class TemplateCheck {
    /** One thing wrong with a template: a message key of the catalog ({@code inspection.template.*}) and its arguments. */
    public record Issue(String key, List<String> args) {
        static Issue of(String key, String... args) {
            return new Issue(key, List.of(args));
        }

        @Override
        public String toString() {
            return key + " " + args;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]{0,60}}}");
    private static final String SAMPLE_HEADING = "I. ĐÁNH GIÁ CHUNG";
    /** A small notice using every part a template can place: each placeholder, each paragraph style, recipients. */
    static final NoticeDocument SAMPLE = new NoticeDocument(true, "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH LẠNG SƠN",
            "245/TB-SNNMT", "Lạng Sơn, ngày 20 tháng 7 năm 2025", "Kết quả kiểm tra xây dựng nông thôn mới",
            List.of(new Block(Style.TEXT, "Thực hiện Kế hoạch số 23/KH-UBND ngày 29/01/2025 của UBND tỉnh."),
                    new Block(Style.HEADING, SAMPLE_HEADING),
                    new Block(Style.SUBHEADING, "1. Xã Bằng Mạc"),
                    new Block(Style.ITEM, "Tiêu chí số 2 (Giao thông): chưa đạt.")),
            List.of("UBND tỉnh (để báo cáo)", "Lưu: VT"), new NoticeDocument.SignatureBlock("GIÁM ĐỐC", "Nguyễn Văn An"));

    private TemplateCheck() {
    }

    /** The issues of a Word template; none when it renders the sample completely. */
    public static List<Issue> docx(byte[] template) {
        byte[] rendered;
        try {
            rendered = DocxRenderer.render(SAMPLE, template);
        } catch (RuntimeException | LinkageError e) {
            return List.of(Issue.of("inspection.template.docxUnreadable", message(e)));
        }
        String text;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(rendered));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            text = extractor.getText();
        } catch (IOException | RuntimeException e) {
            return List.of(Issue.of("inspection.template.docxUnreadable", message(e)));
        }
        List<Issue> issues = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>(DocxRenderer.values(SAMPLE).keySet());
        known.add(DocxRenderer.BODY);
        known.add(DocxRenderer.RECIPIENTS);
        Set<String> left = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            left.add(m.group());
        }
        for (String placeholder : left) {
            issues.add(known.contains(placeholder)
                    ? Issue.of("inspection.template.placeholderAlone", placeholder,
                            DocxRenderer.BODY + ", " + DocxRenderer.RECIPIENTS)
                    : Issue.of("inspection.template.placeholderUnknown", placeholder, String.join(", ", known)));
        }
        if (!left.contains(DocxRenderer.BODY) && !text.contains(SAMPLE_HEADING)) {
            issues.add(Issue.of("inspection.template.noBody", DocxRenderer.BODY));
        }
        return issues;
    }

    /** The issues of a PDF layout file; none when it renders the sample. */
    public static List<Issue> pdf(byte[] file, Function<String, BaseFont> fonts) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file));
        } catch (CharacterCodingException e) {
            return List.of(Issue.of("inspection.template.notUtf8"));
        }
        Properties layout;
        try {
            layout = NoticeTemplates.layout(file);
        } catch (RuntimeException e) {
            return List.of(Issue.of("inspection.template.pdfUnreadable", message(e)));
        }
        List<Issue> issues = new ArrayList<>();
        Set<String> known = bundledKeys();
        for (String key : new TreeSet<>(layout.stringPropertyNames())) {
            if (!known.contains(key)) {
                issues.add(Issue.of("inspection.template.keyUnknown", key));
            }
        }
        for (String key : known) {
            if (layout.getProperty(key) == null) {
                issues.add(Issue.of("inspection.template.keyMissing", key));
            }
        }
        if (!issues.isEmpty()) {
            return issues;
        }
        try {
            PdfRenderer.render(SAMPLE, layout, fonts);
        } catch (RuntimeException e) {
            issues.add(Issue.of("inspection.template.pdfUnreadable", message(e)));
        }
        return issues;
    }

    /** The keys of the bundled layout: every key a layout needs, and the only ones it may hold. */
    private static Set<String> bundledKeys() {
        try (var in = TemplateCheck.class.getClassLoader().getResourceAsStream("notice/" + NoticeTemplates.PDF)) {
            if (in == null) {
                throw new IllegalStateException("no bundled notice/" + NoticeTemplates.PDF);
            }
            return new TreeSet<>(NoticeTemplates.layout(in.readAllBytes()).stringPropertyNames());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The parser's message, without the class names of the libraries. */
    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t instanceof
                java.io.UncheckedIOException)) {
            t = t.getCause();
        }
        String text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        text = text.replaceAll("\\b(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*", "").strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
