package vn.ntm.inspection.notice;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ntm.inspection.inspections.InspectionService;
import vn.ntm.inspection.inspections.InspectionStatus;
import vn.ntm.inspection.inspections.Views.InspectionView;
import vn.ntm.inspection.shared.Caller;

import java.util.UUID;

/**
 * Renders an inspection's notice: the record as the caller may read it, the pure model, then one of the renderers
 * with its province's templates (the bundled ones where it has none).
 */
@ApplicationScoped
public class NoticeService {
    /** A rendered notice: its bytes, media type and the file name to download it as. */
    public record NoticeFile(byte[] content, String mediaType, String fileName) {
    }

    private final InspectionService inspections;
    private final NoticeTemplateService templates;

    public NoticeService(InspectionService inspections, NoticeTemplateService templates) {
        this.inspections = inspections;
        this.templates = templates;
    }

    public NoticeFile render(Caller caller, UUID id, boolean pdf) {
        InspectionView inspection = inspections.get(caller, id).body();
        NoticeDocument notice = NoticeBuilder.build(inspection);
        // the province's own templates were rendered at upload: one that fails now is our bug (500), not theirs
        NoticeTemplateService.Templates layout = templates.forProvince(inspection.province().code());
        byte[] file = pdf ? PdfRenderer.render(notice, layout.pdfLayout(), templates.bundled()::font)
                : DocxRenderer.render(notice, layout.docx());
        return new NoticeFile(file, pdf ? PdfRenderer.MEDIA_TYPE : DocxRenderer.MEDIA_TYPE, fileName(inspection, pdf));
    }

    /** "thong-bao-<id>.pdf", "thong-bao-du-thao-<id>.docx" for a draft: ASCII, unique, never from free text. */
    static String fileName(InspectionView inspection, boolean pdf) {
        boolean finalized = InspectionStatus.FINALIZED.name().equals(inspection.status());
        return "thong-bao-" + (finalized ? "" : "du-thao-") + inspection.id() + (pdf ? ".pdf" : ".docx");
    }
}
