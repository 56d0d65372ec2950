#!/usr/bin/env python3
"""Writes the bundled Word template of the notice, src/main/resources/notice/thong-bao.docx (README "Notice").

Plain WordprocessingML, no library: run it again after changing it. A province does not need it: it opens the .docx in
Word, changes texts, fonts, sizes and the TB* paragraph styles, keeps the {{...}} placeholders and saves it under the
same name in ntm.notice.template-dir.
"""
import os
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run(text, bold=False, italic=False, size=None, color=None):
    props = ''
    if bold:
        props += '<w:b/>'
    if italic:
        props += '<w:i/>'
    if color:
        props += f'<w:color w:val="{color}"/>'
    if size:
        props += f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>'
    rpr = f'<w:rPr>{props}</w:rPr>' if props else ''
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*runs, align=None, style=None, after=None, before=None):
    props = ''
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if before is not None or after is not None:
        props += f'<w:spacing w:before="{before or 0}" w:after="{after or 0}"/>'
    if align:
        props += f'<w:jc w:val="{align}"/>'
    return f'<w:p><w:pPr>{props}</w:pPr>{"".join(runs)}</w:p>'


def table(left, right, widths):
    none = ''.join(f'<w:{side} w:val="nil"/>' for side in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'))
    grid = ''.join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    cells = ''.join(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{content}</w:tc>'
                    for w, content in zip(widths, (left, right)))
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{none}</w:tblBorders>'
            f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid><w:tr>{cells}</w:tr></w:tbl>')


header = table(
    para(run('{{co_quan}}', bold=True, size=13), align='center', after=120)
    + para(run('Số: {{so}}', size=13), align='center'),
    para(run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold=True, size=13), align='center')
    + para(run('Độc lập - Tự do - Hạnh phúc', bold=True, size=14), align='center', after=240)
    + para(run('{{dia_danh_ngay}}', italic=True, size=14), align='center'),
    [3969, 5386])
footer = table(
    para(run('Nơi nhận:', bold=True, italic=True, size=12))
    + para(run('{{noi_nhan}}'), style='TBNoiNhan'),
    para(run('{{chuc_vu}}', bold=True, size=14), align='center', after=1440)
    + para(run('{{nguoi_ky}}', bold=True, size=14), align='center'),
    [4678, 4677])
body = ''.join([
    para(run('{{du_thao}}', bold=True, size=14, color='C00000'), align='center'),
    header,
    para(run('THÔNG BÁO', bold=True, size=14), align='center', before=360),
    para(run('{{tieu_de}}', bold=True, size=14), align='center', after=240),
    para(run('{{noi_dung}}'), style='TBDoanVan'),
    footer,
    para(),  # Word ends a document with a paragraph, never a table
])
# A4, margins top/bottom 20 mm, left 30 mm, right 15 mm (Decree 30/2020/NĐ-CP)
section = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
           '<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="720" w:footer="720"'
           ' w:gutter="0"/></w:sectPr>')
document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{body}{section}'
            '</w:body></w:document>')


def style(style_id, name, bold=False, indent=True, after=120, size=None, justify=True):
    ppr = f'<w:spacing w:before="0" w:after="{after}" w:line="312" w:lineRule="auto"/>'
    if indent:
        ppr += '<w:ind w:firstLine="567"/>'
    if justify:
        ppr += '<w:jc w:val="both"/>'
    rpr = ('<w:b/>' if bold else '') + (f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>' if size else '')
    return (f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')


styles = ''.join([
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    f'<w:styles {W}>',
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"'
    ' w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/><w:szCs w:val="28"/>'
    '<w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0"/></w:pPr>'
    '</w:pPrDefault></w:docDefaults>',
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>',
    style('TBMuc', 'TB Mục (I., II.)', bold=True, indent=False, after=120),
    style('TBTieuMuc', 'TB Tiểu mục (1., 2.)', bold=True),
    style('TBDoanVan', 'TB Đoạn văn'),
    style('TBGachDong', 'TB Gạch đầu dòng'),
    style('TBNoiNhan', 'TB Nơi nhận', indent=False, after=0, size=11, justify=False),
    '</w:styles>',
])
content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument'
                 '.wordprocessingml.document.main+xml"/>'
                 '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument'
                 '.wordprocessingml.styles+xml"/></Types>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')
document_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                 'styles" Target="styles.xml"/></Relationships>')

target = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'main', 'resources', 'notice',
                      'thong-bao.docx')
with zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as z:
    for name, text in (('[Content_Types].xml', content_types), ('_rels/.rels', rels),
                       ('word/document.xml', document), ('word/_rels/document.xml.rels', document_rels),
                       ('word/styles.xml', styles)):
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, text.encode('utf-8'))
print(os.path.normpath(target))
