-- task-service's copy of the administrative-unit register (criteria-service's ntm.admin-units.changed): every
-- version of every unit, and the successions between them. Replaced wholesale per event province.
create table admin_unit (
    code            text not null,
    valid_from      date not null,
    valid_to        date,
    level           text not null check (level in ('province', 'district', 'commune')),
    name            text not null,
    type            text,
    parent_code     text,
    province_code   text not null,
    event_province  text not null,
    primary key (code, valid_from)
);
create index admin_unit_event_province on admin_unit (event_province);
create index admin_unit_ceased on admin_unit (level, code, valid_to) where valid_to is not null;

create table admin_unit_succession (
    from_code       text not null,
    to_code         text not null,
    effective_on    date not null,
    from_level      text not null check (from_level in ('province', 'district', 'commune')),
    legal_basis     text,
    event_province  text not null,
    primary key (from_code, effective_on, to_code)
);
create index admin_unit_succession_event_province on admin_unit_succession (event_province);

-- The date the task's assignee code refers to (the inspection's date; a code can mean another unit later), the
-- task's first assignee (set at its first move) and the admin flag of a move the register could not settle.
alter table task add column assignee_as_of date;
alter table task add column original_assignee_type text;
alter table task add column original_assignee_code text;
alter table task add column original_assignee_name text;
alter table task add column needs_reassignment boolean not null default false;
-- Tasks written before this column: their codes were written on the day they were created.
update task set assignee_as_of = (created_at at time zone 'Asia/Ho_Chi_Minh')::date where assignee_as_of is null;

-- One move per task and register change: a rerun after a crash finds the key and moves nothing twice.
create table task_succession_move (
    task_id         uuid not null references task (id),
    effective_on    date not null,
    from_type       text not null,
    from_code       text not null,
    to_type         text not null,
    to_code         text not null,
    rule            text not null,
    moved_at        timestamptz not null,
    primary key (task_id, effective_on)
);
