-- Settlement reads the open tasks of a batch's communes inspected before a day (FollowUpService.openTasks). The index
-- on (commune_code, criterion) made it read every open task of the commune, also those of the same or later days,
-- and fetch each from the table to compare its day: a commune inspected often reads more each time. Keyed by the day,
-- the scan stops at it.
drop index if exists task_open_commune_criterion;
create index task_open_commune_inspected on task (commune_code, inspected_on)
    where status not in ('DONE', 'CANCELLED') and criterion is not null and criteria_set is not null;
