package vn.ntm.inspection.notice;

import com.lowagie.text.pdf.BaseFont;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The notice's template files: a file of {@code ntm.notice.template-dir} when it has one of that name, else the
 * bundled one under {@code notice/} on the class path. The Word template and the PDF layout are read at each
 * rendering, so a replaced file applies at once; a province's own copies stored through {@code /notice-templates}
 * come before both ({@link NoticeTemplateService}). The fonts are read once and shared ({@link #font}).
 */
@ApplicationScoped
public class NoticeTemplates {
    public static final String DOCX = "thong-bao.docx";
    public static final String PDF = "thong-bao-pdf.properties";
    private static final String BUNDLED = "notice/";

    private final Optional<Path> dir;
    /**
     * The PDF fonts by file name, each parsed once. OpenPDF keeps what one document uses of a font in that document's
     * writer, not in the {@link BaseFont}, so one instance serves concurrent renderings (its own font cache shares
     * them the same way).
     */
    private final Map<String, BaseFont> fonts = new ConcurrentHashMap<>();

    public NoticeTemplates(NoticeConfig config) {
        this.dir = config.templateDir().filter(d -> !d.isBlank()).map(Path::of);
    }

    /**
     * The bytes of {@code name} ("thong-bao.docx", "fonts/DejaVuSans.ttf"); a name leaving the directory (a province's
     * layout names its font files) is never read.
     */
    public byte[] bytes(String name) {
        if (name.startsWith("/") || name.contains("\\") || java.util.Arrays.asList(name.split("/")).contains("..")) {
            throw new IllegalStateException("no notice template file " + name);
        }
        try {
            Optional<Path> own = dir.map(d -> d.resolve(name).normalize()).filter(p -> p.startsWith(dir.get()))
                    .filter(Files::isRegularFile);
            if (own.isPresent()) {
                return Files.readAllBytes(own.get());
            }
            try (InputStream in = NoticeTemplates.class.getClassLoader().getResourceAsStream(BUNDLED + name)) {
                if (in == null) {
                    throw new IllegalStateException("no notice template file " + BUNDLED + name);
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    /**
     * The font of file {@code name} (relative to the template directory, or to the bundled {@code notice/}), read and
     * parsed on its first use only. A file that is missing or not a font is not kept: the next rendering tries again.
     */
    public BaseFont font(String name) {
        return fonts.computeIfAbsent(name, this::readFont);
    }

    private BaseFont readFont(String name) {
        try {
            // the name only tells OpenPDF the kind of font (.ttf); the bytes are the font
            return BaseFont.createFont(name.substring(name.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, false, bytes(name), null);
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    /**
     * The templates of the directory (or the bundle) are tried once at start on the sample notice: a file that cannot
     * be rendered stops the service with its name and the error, instead of answering 500 to every officer who asks
     * for a notice.
     */
    void checkAtStart(@Observes StartupEvent start) {
        if (dir.isPresent()) {
            check();
        }
    }

    /** Renders the sample notice with both renderers; names the directory and the error when a template fails. */
    public void check() {
        for (String file : new String[] {DOCX, PDF}) {
            List<TemplateCheck.Issue> errors = file.equals(DOCX) ? TemplateCheck.docx(bytes(DOCX))
                    : TemplateCheck.pdf(bytes(PDF), this::font);
            if (!errors.isEmpty()) {
                throw new IllegalStateException("the notice template " + file + " of " + dir.map(Path::toString)
                        .orElse("the bundle") + " (ntm.notice.template-dir) cannot be rendered: "
                        + errors.stream().map(TemplateCheck.Issue::toString).collect(Collectors.joining("; ")));
            }
        }
    }

    /** The bundled (or the directory's) PDF layout's texts, labels and sizes, read as UTF-8. */
    public Properties pdfLayout() {
        return layout(bytes(PDF));
    }

    /** A PDF layout file read as UTF-8 properties. */
    static Properties layout(byte[] file) {
        Properties layout = new Properties();
        try (var reader = new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8)) {
            layout.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(PDF, e);
        }
        return layout;
    }
}
