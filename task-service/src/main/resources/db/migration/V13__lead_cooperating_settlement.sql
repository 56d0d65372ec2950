-- Issue 13 items 4 and 5: cooperating departments on a task, re-inspections settling earlier work.

-- task-service's copy of the catalog's criteria (from ntm.criteria-set.published, replaced per set code): the
-- lead and cooperating sectors and the explicit mapping to criteria of other sets ('<set code>#<number>').
create table catalog_criterion (
    set_code            text   not null,
    number              int    not null,
    name                text,
    lead_sector         text,
    cooperating_sectors text[] not null default '{}',
    continues           text[] not null default '{}',
    primary key (set_code, number)
);

-- The set and date of the inspection that created a task: a later inspection settles it only for the same
-- criterion of the same set, or one the catalog maps to it. Older tasks keep null (never settled automatically).
alter table task add column criteria_set text;
alter table task add column inspected_on date;
-- the latest inspection that found the task's criterion still unmet (the task continues under it)
alter table task add column latest_inspection_id uuid;
update task set inspected_on = assignee_as_of where original_assignee_code is null and assignee_as_of is not null;
create index task_open_commune_criterion on task (commune_code, criterion)
    where status not in ('DONE', 'CANCELLED');

-- Departments attached to a task without being its assignee (phối hợp): they see it, add notes and evidence.
create table task_participant (
    id        bigint generated always as identity primary key,
    task_id   uuid        not null references task (id),
    org_type  text        not null,
    org_code  text        not null,
    org_name  text,
    role      text        not null check (role in ('COOPERATING')),
    added_at  timestamptz not null,
    unique (task_id, org_type, org_code)
);
create index task_participant_org on task_participant (org_type, org_code);

-- The later inspections a task was linked to (criterion still not met), once each.
create table task_inspection (
    task_id       uuid        not null references task (id),
    inspection_id uuid        not null,
    linked_at     timestamptz not null,
    primary key (task_id, inspection_id)
);
