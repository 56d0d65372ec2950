-- Issue 13: verification lifecycle and evidence.
alter table task drop constraint task_status_check;
alter table task add constraint task_status_check
    check (status in ('OPEN', 'IN_PROGRESS', 'REPORTED', 'RETURNED', 'DONE', 'CANCELLED'));

-- The inspection's lead agency verifies the task (with the coordination office and the province's inspectors).
alter table task add column lead_agency_type text;
alter table task add column lead_agency_code text;
create index task_lead_agency on task (lead_agency_type, lead_agency_code);

-- A status change's reason (return, cancel, reopen, no evidence) and the assignee's report.
alter table task_history add column reason text;
alter table task_history add column report text;

-- Evidence files, in the database with the task: written in the transaction of their history entry.
create table task_evidence (
    id            uuid        primary key,
    task_id       uuid        not null references task (id),
    file_name     text        not null,
    content_type  text        not null,
    size          bigint      not null,
    sha256        text        not null,
    uploaded_by   text        not null,
    uploaded_at   timestamptz not null,
    content       bytea       not null
);
create index task_evidence_task on task_evidence (task_id, uploaded_at, id);
alter table task_evidence alter column content set storage external; -- files are mostly compressed already
