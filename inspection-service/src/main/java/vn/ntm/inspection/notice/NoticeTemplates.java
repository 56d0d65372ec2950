package vn.ntm.inspection.notice;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
