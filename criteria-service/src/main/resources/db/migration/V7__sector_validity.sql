-- Issue 12 item 2: the sector list is data with validity dates, like the administrative units (provincial departments
-- merge too). valid_from null = since ever, valid_to inclusive, null = still valid; successors: the sectors that took
-- over a ceased sector's duties. The 2025 mergers of departments are not confirmed in detail (DOMAIN.md section 6),
-- so no sector is given an end here: a province records them when they are known.
alter table sector add column valid_from date;
alter table sector add column valid_to date;
alter table sector add column successors text[] not null default '{}';
alter table sector add constraint sector_validity check (valid_to is null or valid_from is null or valid_to >= valid_from);

-- The sector list last announced on criteria-events (ntm.sectors.changed): announced again when it differs.
create table sector_announcement (
    id           int primary key check (id = 1),
    list_json    text        not null,
    event_id     uuid        not null,
    announced_at timestamptz not null
);
