/**
 * The notice (Thông báo) of an inspection rendered as a document ({@code GET /inspections/{id}/notice}): the pure
 * model {@code NoticeDocument} built from the record by {@code NoticeBuilder}, and its two renderers, DOCX from a
 * replaceable Word template ({@code DocxRenderer}) and PDF ({@code PdfRenderer}); a province's own templates
 * ({@code /notice-templates/{provinceCode}/{kind}}, {@code NoticeTemplateService}), each rendered on a sample notice
 * at upload ({@code TemplateCheck}). Imports {@code inspections} and {@code register}, never the reverse.
 */
package vn.ntm.inspection.notice;
