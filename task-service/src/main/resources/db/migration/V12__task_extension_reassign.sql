-- Issue 13: deadline extensions and reassignment.
create table task_extension (
    id            uuid        primary key,
    task_id       uuid        not null references task (id),
    requested_due date        not null,
    previous_due  date        not null,
    reason        text        not null,
    status        text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    requested_by  text        not null,
    requested_at  timestamptz not null,
    decided_by    text,
    decided_at    timestamptz,
    decision_note text
);
create index task_extension_task on task_extension (task_id, requested_at);
-- at most one open request per task
create unique index task_extension_one_pending on task_extension (task_id) where status = 'PENDING';

-- the assignee the task was first given, kept when a verifier or admin reassigns it (main's V10 register
-- succession adds the same columns: "if not exists" lets both orders work)
alter table task add column if not exists original_assignee_type text;
alter table task add column if not exists original_assignee_code text;
alter table task add column if not exists original_assignee_name text;
