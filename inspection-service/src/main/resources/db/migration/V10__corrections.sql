-- Issue 22 item 3: a FINALIZED inspection is corrected (đính chính) by a new version of its findings. The finding
-- rows always hold the latest version (findings_version); every version, the first (as finalized) included, is kept
-- as a snapshot in inspection_findings_version once the inspection is first corrected, with who, when and why.
alter table inspection add column findings_version int not null default 1;

create table inspection_findings_version (
    inspection_id uuid        not null references inspection (id),
    version       int         not null,
    communes      jsonb       not null, -- [{code, statedMet, findings[] {criterion, result, note, remedy, deadline, responsible}}]
    reason        text,                 -- null for version 1 (as finalized)
    created_by    text        not null, -- the token subject: finalizedBy for version 1, the corrector after
    created_at    timestamptz not null,
    primary key (inspection_id, version)
);

-- Issue 22 "Also": the basis of each figure the notice states (e.g. the district's average of criteria met per
-- commune), kept beside the figure; JSON object name -> text, in the order given.
alter table inspection add column stated_figure_bases text;
