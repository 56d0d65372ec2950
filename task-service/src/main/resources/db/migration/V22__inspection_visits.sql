-- Issue 22: the open work of a commune lineage is decided from the latest findings (DOMAIN.md §8), whatever the
-- order the inspections arrive in. task-service therefore keeps what each finalized inspection found per commune
-- (a visit), in the highest version of its findings it has seen (a correction, đính chính, is a higher version),
-- and the inspection itself as last received, from which the work it asks for is written.
create table inspection_record (
    inspection_id  uuid        primary key,
    version        int         not null,
    inspected_on   date        not null,
    payload        jsonb       not null,
    reason         text,
    corrected_by   text,
    recorded_at    timestamptz not null
);

create table inspection_visit (
    inspection_id  uuid        not null,
    commune_code   text        not null,
    version        int         not null,
    inspected_on   date        not null,
    units_as_of    date        not null,
    criteria_set   text,
    target_year    int,
    stated_met     int,
    -- {"<criterion>": {"result": "NOT_MET", "deadline": "2023-06-30"}, ...}
    findings       jsonb       not null,
    recorded_at    timestamptz not null,
    primary key (inspection_id, commune_code)
);
create index inspection_visit_commune on inspection_visit (commune_code, inspected_on);

-- What inspections before this release found, as far as their tasks tell: a criterion with work was not met
-- (deadline: the work's earliest due date). Enough for the next inspection of the commune to continue or settle it.
insert into inspection_visit (inspection_id, commune_code, version, inspected_on, units_as_of, criteria_set,
                              target_year, stated_met, findings, recorded_at)
select v.inspection_id, v.commune_code, 1, v.inspected_on, v.units_as_of, v.criteria_set, null, null,
       coalesce((select jsonb_object_agg(f.criterion::text, jsonb_build_object('result', 'NOT_MET',
                        'deadline', f.due))
                 from (select t.criterion, min(t.due_date) as due from task t
                       where t.inspection_id = v.inspection_id and t.commune_code = v.commune_code
                         and t.criterion is not null group by t.criterion) f), '{}'::jsonb),
       now()
from (select inspection_id, commune_code, min(inspected_on) as inspected_on,
             min(coalesce(source_as_of, inspected_on)) as units_as_of, min(criteria_set) as criteria_set
      from task where commune_code is not null and inspected_on is not null and criteria_set is not null
      group by inspection_id, commune_code) v;
