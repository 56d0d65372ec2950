package vn.ntm.inspection.notice;

import jakarta.enterprise.context.ApplicationScoped;
import vn.ntm.inspection.inspections.InspectionService;
import vn.ntm.inspection.inspections.InspectionStatus;
import vn.ntm.inspection.inspections.Views.InspectionView;
import vn.ntm.inspection.shared.Caller;

import java.util.UUID;

/** Renders an inspection's notice: the record as the caller may read it, the pure model, then one of the renderers. */
@ApplicationScoped
public class NoticeService {
    /** A rendered notice: its bytes, media type and the file name to download it as. */
    public record NoticeFile(byte[] content, String mediaType, String fileName) {
    }

    private final InspectionService inspections;
    private final NoticeTemplates templates;

    public NoticeService(InspectionService inspections, NoticeTemplates templates) {
        this.inspections = inspections;
        this.templates = templates;
    }

    public NoticeFile render(Caller caller, UUID id, boolean pdf) {
        InspectionView inspection = inspections.get(caller, id).body();
        NoticeDocument notice = NoticeBuilder.build(inspection);
        byte[] file = pdf ? PdfRenderer.render(notice, templates.pdfLayout(), templates::bytes)
                : DocxRenderer.render(notice, templates.bytes(NoticeTemplates.DOCX));
        return new NoticeFile(file, pdf ? PdfRenderer.MEDIA_TYPE : DocxRenderer.MEDIA_TYPE, fileName(inspection, pdf));
    }

    /** "thong-bao-<id>.pdf", "thong-bao-du-thao-<id>.docx" for a draft: ASCII, unique, never from free text. */
    static String fileName(InspectionView inspection, boolean pdf) {
        boolean finalized = InspectionStatus.FINALIZED.name().equals(inspection.status());
        return "thong-bao-" + (finalized ? "" : "du-thao-") + inspection.id() + (pdf ? ".pdf" : ".docx");
    }
}
