-- Issue 25 item 2: the province and district dashboards (package dashboard), read from small read models kept in
-- the transactions that change what they count, so a dashboard is a few indexed statements.

-- One row per visit and assessed criterion (MET or NOT_MET; NOT_ASSESSED leaves no row, so a follow-up that checks
-- only the unmet criteria never erases the others). Written by intake in the batch's transaction, from the visit as
-- recorded: replaced whenever the visit is (a correction, đính chính, with a higher version).
create table visit_result (
    inspection_id  uuid not null,
    commune_code   text not null,
    criterion      int  not null,
    criteria_set   text not null,
    units_as_of    date not null,
    inspected_on   date not null,
    result         text not null check (result in ('MET', 'NOT_MET')),
    primary key (inspection_id, commune_code, criterion)
);
-- the latest result of each criterion of a commune code under a set on or before a day
create index visit_result_latest on visit_result (commune_code, criteria_set, criterion, inspected_on desc)
    include (units_as_of, result);

insert into visit_result (inspection_id, commune_code, criterion, criteria_set, units_as_of, inspected_on, result)
select v.inspection_id, v.commune_code, f.key::int, v.criteria_set, v.units_as_of, v.inspected_on,
       f.value ->> 'result'
from inspection_visit v, jsonb_each(v.findings) f
where v.criteria_set is not null and f.key ~ '^[0-9]{1,4}$' and f.value ->> 'result' in ('MET', 'NOT_MET');

-- The tier a visit's commune aimed at (the event's targetTier), for "tiers targeted".
alter table inspection_visit add column target_tier text;
update inspection_visit v set target_tier = c ->> 'targetTier'
from inspection_record r, jsonb_array_elements(r.payload -> 'communes') c
where r.inspection_id = v.inspection_id and c ->> 'code' = v.commune_code;

-- The set's tier (tier reached) is catalog_set's, created by V32 (issue 25 item 3, written by the catalog copy).

-- When a task was last reported, and when it was done or closed (done or cancelled): set by the trigger below in the
-- same UPDATE as the status change, whichever code path moves the status (lifecycle, intake, succession).
alter table task add column reported_at timestamptz;
alter table task add column done_at timestamptz;
alter table task add column closed_at timestamptz;

update task t set reported_at = h.at
from (select task_id, max(at) as at from task_history where to_status = 'REPORTED' group by task_id) h
where h.task_id = t.id;
update task t set closed_at = h.at, done_at = case when t.status = 'DONE' then h.at end
from (select task_id, max(at) as at from task_history where to_status in ('DONE', 'CANCELLED') group by task_id) h
where h.task_id = t.id and t.status in ('DONE', 'CANCELLED');
update task set closed_at = updated_at, done_at = case when status = 'DONE' then updated_at end
where status in ('DONE', 'CANCELLED') and closed_at is null;

create function ntm_task_status_times() returns trigger language plpgsql as $$
begin
    if new.status is distinct from old.status then
        -- the moment of the change as the service's clock wrote it on the row
        if new.status = 'REPORTED' then
            new.reported_at := coalesce(new.updated_at, now());
        end if;
        if new.status in ('DONE', 'CANCELLED') then
            new.closed_at := coalesce(new.updated_at, now());
            new.done_at := case when new.status = 'DONE' then new.closed_at end;
        else
            new.closed_at := null;
            new.done_at := null;
        end if;
    end if;
    return new;
end $$;
create trigger task_status_times before update of status on task
    for each row execute function ntm_task_status_times();

-- the work of a commune code with every column the dashboard counts: read by an index-only scan, never the task rows
-- themselves (a province's tasks are scattered over the table: 83,582 rows of 1 M read as 73,841 heap blocks)
create index task_dashboard_work on task (commune_code) include (source_as_of, inspected_on, assignee_type,
    assignee_code, status, due_date, created_at, reported_at, done_at, closed_at);
