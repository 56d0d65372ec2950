-- Issue 25: a province's own notice templates, uploaded through PUT /notice-templates/{provinceCode}/{kind} after
-- rendering the sample notice with them; in the database so that every replica renders with the same ones.
-- kind: 'docx' (the Word template) or 'pdf' (the PDF layout, properties in UTF-8). None stored: the bundled one.
create table notice_template (
    province_code text not null,
    kind text not null check (kind in ('docx', 'pdf')),
    content bytea not null,
    uploaded_by text not null,
    uploaded_at timestamptz not null,
    primary key (province_code, kind)
);
