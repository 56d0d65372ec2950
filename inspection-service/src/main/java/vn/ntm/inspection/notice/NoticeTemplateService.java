package vn.ntm.inspection.notice;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.inspection.register.RegisterService;
import vn.ntm.inspection.register.RegisterUnit;
import vn.ntm.inspection.shared.Caller;
import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.http.ServiceException.FieldError;
import vn.ntm.platform.i18n.ByteSize;
import vn.ntm.platform.i18n.LocalizedText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A province's own notice templates (table {@code notice_template}, so every replica sees them): uploaded, read back
 * and removed by an administrator or an inspector of the province. Every upload is rendered on the sample notice
 * first ({@link TemplateCheck}) and refused with what is wrong (422), so a stored template that fails to render later
 * is a bug of ours (500), never the province's.
 */
@ApplicationScoped
public class NoticeTemplateService {
    /** The Word template. */
    public static final String DOCX = "docx";
    /** The PDF layout (properties, UTF-8). */
    public static final String PDF = "pdf";
    public static final String PDF_LAYOUT_MEDIA_TYPE = "text/plain; charset=UTF-8";

    /** A template as stored or bundled: its bytes, media type, file name, and who uploaded it when (null: bundled). */
    public record TemplateFile(byte[] content, String mediaType, String fileName, String uploadedBy,
                               Instant uploadedAt) {
    }

    /** What an upload stored. */
    public record StoredTemplate(String provinceCode, String kind, long size, String uploadedBy, Instant uploadedAt,
                                 boolean created) {
    }

    /** The templates a notice of a province is rendered with: the Word template and the PDF layout. */
    public record Templates(byte[] docx, Properties pdfLayout) {
    }

    private final AgroalDataSource db;
    private final NoticeTemplates bundled;
    private final RegisterService register;
    private final NoticeConfig config;

    public NoticeTemplateService(AgroalDataSource db, NoticeTemplates bundled, RegisterService register,
                                 NoticeConfig config) {
        this.db = db;
        this.bundled = bundled;
        this.register = register;
        this.config = config;
    }

    /**
     * Stores {@code content} as the province's template of {@code kind} after rendering the sample notice with it;
     * refused (422, errors[] naming each problem) when it does not render, 413 when larger than
     * {@code ntm.notice.max-template-size}, 415 when {@code mediaType} is not the kind's.
     */
    @Transactional
    public StoredTemplate put(Caller caller, String provinceCode, String kind, String mediaType, byte[] content) {
        requireProvince(caller, provinceCode, kind);
        if (!mediaTypeOf(kind, mediaType)) {
            throw ServiceException.unsupportedMediaType(LocalizedText.of("inspection.template.mediaType",
                    LocalizedText.of("inspection.template.kind." + kind)), List.of());
        }
        long max = config.maxTemplateSize().asLongValue();
        if (content.length > max) {
            throw ServiceException.tooLarge(LocalizedText.of("inspection.template.tooLarge", ByteSize.of(max)));
        }
        List<TemplateCheck.Issue> issues = DOCX.equals(kind) ? TemplateCheck.docx(content)
                : TemplateCheck.pdf(content, bundled::font);
        if (!issues.isEmpty()) {
            Log.infof("notice template %s of province %s refused (uploaded by %s): %s", kind, provinceCode,
                    caller.subject(), issues);
            List<FieldError> errors = issues.stream().map(i -> new FieldError("body",
                    LocalizedText.of(i.key(), i.args().toArray()))).toList();
            throw ServiceException.invalid(LocalizedText.of("inspection.template.invalid",
                    LocalizedText.of("inspection.template.kind." + kind), errors.get(0).message()), errors)
                    .withCode(ProblemCode.NOTICE_TEMPLATE_INVALID);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean created = update("insert into notice_template (province_code, kind, content, uploaded_by, uploaded_at)"
                + " values (?, ?, ?, ?, ?) on conflict (province_code, kind) do update set content = excluded.content,"
                + " uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at returning (xmax = 0)",
                provinceCode, kind, content, caller.subject(), Timestamp.from(now));
        Log.infof("notice template %s of province %s stored (%d bytes) by %s", kind, provinceCode, content.length,
                caller.subject());
        return new StoredTemplate(provinceCode, kind, content.length, caller.subject(), now, created);
    }

    /** The province's template of {@code kind} when it has one, else the bundled one. */
    @Transactional
    public TemplateFile get(Caller caller, String provinceCode, String kind) {
        requireProvince(caller, provinceCode, kind);
        return stored(provinceCode, kind).orElseGet(() -> new TemplateFile(bundled.bytes(DOCX.equals(kind)
                ? NoticeTemplates.DOCX : NoticeTemplates.PDF), mediaType(kind), fileName(null, kind), null, null));
    }

    /** Removes the province's template of {@code kind}: its notices use the bundled one again. */
    @Transactional
    public void delete(Caller caller, String provinceCode, String kind) {
        requireProvince(caller, provinceCode, kind);
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "delete from notice_template where province_code = ? and kind = ?")) {
            st.setString(1, provinceCode);
            st.setString(2, kind);
            if (st.executeUpdate() > 0) {
                Log.infof("notice template %s of province %s removed by %s", kind, provinceCode, caller.subject());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not remove a notice template", e);
        }
    }

    /** The templates of a notice of {@code provinceCode}: the province's where stored, else the bundled ones. */
    @Transactional
    public Templates forProvince(String provinceCode) {
        byte[] docx = stored(provinceCode, DOCX).map(TemplateFile::content)
                .orElseGet(() -> bundled.bytes(NoticeTemplates.DOCX));
        Properties layout = stored(provinceCode, PDF).map(f -> NoticeTemplates.layout(f.content()))
                .orElseGet(bundled::pdfLayout);
        return new Templates(docx, layout);
    }

    public NoticeTemplates bundled() {
        return bundled;
    }

    /**
     * The kind must be one of the two; the province one the caller may change (another province's answers 404 as if
     * it had none, a reader's 403), and one the register knows.
     */
    private void requireProvince(Caller caller, String provinceCode, String kind) {
        if (!DOCX.equals(kind) && !PDF.equals(kind)) {
            throw ServiceException.badRequest(LocalizedText.of("inspection.template.kindUnknown", kind),
                    List.of(FieldError.of("kind", "inspection.template.kindField")));
        }
        if (!caller.mayRead(provinceCode)) {
            throw provinceNotFound(provinceCode);
        }
        if (!caller.mayWrite(provinceCode)) {
            throw ServiceException.forbidden(LocalizedText.of("inspection.template.forbidden", provinceCode));
        }
        register.register();
        if (register.latest(provinceCode, RegisterUnit.PROVINCE).isEmpty()) {
            throw provinceNotFound(provinceCode);
        }
    }

    private static ServiceException provinceNotFound(String provinceCode) {
        Log.debugf("notice templates: no province %s for this caller", provinceCode);
        return ServiceException.notFound(LocalizedText.of("inspection.template.provinceNotFound"));
    }

    private static boolean mediaTypeOf(String kind, String mediaType) {
        if (mediaType == null) {
            return false;
        }
        String type = mediaType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return DOCX.equals(kind) ? type.equals(DocxRenderer.MEDIA_TYPE) : type.equals("text/plain");
    }

    static String mediaType(String kind) {
        return DOCX.equals(kind) ? DocxRenderer.MEDIA_TYPE : PDF_LAYOUT_MEDIA_TYPE;
    }

    /** "thong-bao.docx" (bundled) or "thong-bao-20.docx", "thong-bao-pdf-20.properties" (province 20's). */
    static String fileName(String provinceCode, String kind) {
        String name = DOCX.equals(kind) ? NoticeTemplates.DOCX : NoticeTemplates.PDF;
        if (provinceCode == null) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return name.substring(0, dot) + "-" + provinceCode + name.substring(dot);
    }

    private Optional<TemplateFile> stored(String provinceCode, String kind) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "select content, uploaded_by, uploaded_at from notice_template where province_code = ? and kind = ?")) {
            st.setString(1, provinceCode);
            st.setString(2, kind);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TemplateFile(rs.getBytes(1), mediaType(kind), fileName(provinceCode, kind),
                        rs.getString(2), rs.getTimestamp(3).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read a notice template", e);
        }
    }

    private boolean update(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store a notice template", e);
        }
    }
}
