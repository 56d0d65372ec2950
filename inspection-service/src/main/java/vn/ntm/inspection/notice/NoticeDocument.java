package vn.ntm.inspection.notice;

import java.util.List;

/**
 * A notice (Thông báo) in the layout of an administrative document (Decree 30/2020/NĐ-CP), independent of the format
 * it is rendered in. Every text is final: renderers only lay it out.
 *
 * @param draft        the record is not finalized: the document is marked "DỰ THẢO"
 * @param issuingBody  the lead agency's name, upper-case (left of the header)
 * @param number       the number and symbol, "245/TB-SNNMT" ("…/TB-…" when unknown), shown after "Số: "
 * @param placeAndDate "Hà Tĩnh, ngày 03 tháng 10 năm 2025" (italic, right of the header)
 * @param subject      the line under "THÔNG BÁO": the record's title
 * @param body         the paragraphs from the legal basis to the closing sentence
 * @param recipients   "Nơi nhận" entries, each rendered as "- entry;" (the last with ".")
 * @param signer       the signature block, right of "Nơi nhận"
 */
public record NoticeDocument(boolean draft, String issuingBody, String number, String placeAndDate, String subject,
                             List<Block> body, List<String> recipients, SignatureBlock signer) {

    /** One paragraph of the body, with the role that decides its formatting. */
    public record Block(Style style, String text) {
    }

    public enum Style {
        /** A section heading: "I. ĐÁNH GIÁ CHUNG" (bold, upper-case). */
        HEADING,
        /** A numbered sub-heading: "1. Xã Thượng Cường …" (bold). */
        SUBHEADING,
        /** A paragraph of running text (first line indented). */
        TEXT,
        /** An item of a list: "- …". */
        ITEM
    }

    /** The title ("GIÁM ĐỐC") and the name of whoever signs, "…" when unknown. */
    public record SignatureBlock(String title, String name) {
    }
}
