package vn.ntm.inspection.notice;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The notice's template files: a file of {@code ntm.notice.template-dir} when it has one of that name, else the
 * bundled one under {@code notice/} on the class path. Read at each rendering, so a replaced file applies at once.
 */
@ApplicationScoped
public class NoticeTemplates {
    public static final String DOCX = "thong-bao.docx";
    public static final String PDF = "thong-bao-pdf.properties";
    private static final String BUNDLED = "notice/";

    private final Optional<Path> dir;

    public NoticeTemplates(NoticeConfig config) {
        this.dir = config.templateDir().filter(d -> !d.isBlank()).map(Path::of);
    }

    /** The bytes of {@code name} ("thong-bao.docx", "fonts/DejaVuSans.ttf"). */
    public byte[] bytes(String name) {
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
     * A province's templates are tried once at start on a small notice: a file that cannot be rendered stops the
     * service with its name and the error, instead of answering 500 to every officer who asks for a notice.
     */
    void checkAtStart(@Observes StartupEvent start) {
        if (dir.isPresent()) {
            check();
        }
    }

    /** Renders a small notice with both renderers; names the directory and the error when a template fails. */
    public void check() {
        NoticeDocument sample = new NoticeDocument(true, "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "…/TB-…",
                "…, ngày … tháng … năm …", "Kết quả kiểm tra", List.of(new NoticeDocument.Block(
                NoticeDocument.Style.HEADING, "I. ĐÁNH GIÁ CHUNG")), List.of("Lưu: VT"),
                new NoticeDocument.SignatureBlock("…", "…"));
        for (String file : List.of(DOCX, PDF)) {
            try {
                if (file.equals(DOCX)) {
                    DocxRenderer.render(sample, bytes(DOCX));
                } else {
                    PdfRenderer.render(sample, pdfLayout(), this::bytes);
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("the notice template " + file + " of " + dir.map(Path::toString)
                        .orElse("the bundle") + " (ntm.notice.template-dir) cannot be rendered: " + e, e);
            }
        }
    }

    /** The PDF layout's texts, labels and sizes, read as UTF-8. */
    public Properties pdfLayout() {
        Properties layout = new Properties();
        try (var reader = new InputStreamReader(new java.io.ByteArrayInputStream(bytes(PDF)), StandardCharsets.UTF_8)) {
            layout.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(PDF, e);
        }
        return layout;
    }
}
