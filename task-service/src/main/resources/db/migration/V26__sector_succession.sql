-- Issue 22 item 5: task-service's copy of criteria-service's sector list (ntm.sectors.changed, replaced wholesale
-- once per ce_id), so the work of a provincial department whose sector ceased (the 1 March 2025 mergers) moves to
-- its successor; and the lead departments of the catalog's criteria, through those successions, for the read-only
-- view of the communes' and districts' work (README "Who sees what"). V26 rather than the next free number: other
-- work on issue 22 adds migrations at the same time.
create table sector (
    code        text primary key,
    name        text not null,
    valid_from  date,
    valid_to    date,
    successors  text[] not null default '{}',
    legal_basis text,
    position    int not null
);

-- The successors of a ceased sector: the primary one takes its work where no criterion names another.
create table sector_successor (
    from_code  text    not null,
    to_code    text    not null,
    is_primary boolean not null,
    duties     text,
    position   int     not null,
    primary key (from_code, to_code)
);

-- The criteria whose work went to a particular successor (LEAD) or on which it cooperates (COOPERATING);
-- set_code '' = the criterion of that number in any set.
create table sector_criterion_duty (
    from_code text not null,
    to_code   text not null,
    set_code  text not null,
    criterion int  not null,
    role      text not null check (role in ('LEAD', 'COOPERATING')),
    primary key (from_code, set_code, criterion, to_code)
);

-- Who leads (chủ trì) each criterion of the catalog copy: its lead sector and every sector that took the
-- criterion's work over by succession (TNMT's criterion 17 → NNMT). Derived from catalog_criterion and the sector
-- copy, rebuilt in the transaction that changes either.
create table criterion_lead (
    set_code text not null,
    number   int  not null,
    sector   text not null,
    primary key (sector, set_code, number)
);
-- the catalog copy as it stands (no sector copy yet): each criterion's own lead
insert into criterion_lead (set_code, number, sector)
    select set_code, number, lead_sector from catalog_criterion where lead_sector is not null;

-- A task can move twice on one day: its unit (the register) and its department's sector.
alter table task_succession_move add column kind text not null default 'unit' check (kind in ('unit', 'sector'));
alter table task_succession_move drop constraint task_succession_move_pkey;
alter table task_succession_move add primary key (task_id, effective_on, kind);

-- The department tasks of a sector (the succession looks them up by the sector part of the code).
create index task_open_department_sector on task (split_part(assignee_code, ':', 2))
    where assignee_type = 'SO_NGANH' and status in ('OPEN', 'IN_PROGRESS', 'REPORTED', 'RETURNED');
