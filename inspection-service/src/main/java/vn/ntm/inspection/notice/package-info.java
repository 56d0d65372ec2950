/**
 * The notice (Thông báo) of an inspection rendered as a document ({@code GET /inspections/{id}/notice}): the pure
 * model {@code NoticeDocument} built from the record by {@code NoticeBuilder}, and its two renderers, DOCX from a
 * replaceable Word template ({@code DocxRenderer}) and PDF ({@code PdfRenderer}). Imports {@code inspections}, never
 * the reverse.
 */
package vn.ntm.inspection.notice;
