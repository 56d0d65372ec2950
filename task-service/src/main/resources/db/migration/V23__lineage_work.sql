-- Issue 22: work of a commune lineage (a gap's work, keep the criteria met, the target-year dossier) is reconciled
-- with the latest findings under a per-lineage lock, not deduplicated per inspection.
-- work_basis: the date of the finding the work answers (null: work of one inspection, its coordination and
-- recommendations, or a task the reconciliation does not manage); loop_closed: closed by the loop (a later finding
-- or a correction) rather than by a person, so the same gap may get work again.
alter table task add column work_basis date;
alter table task add column loop_closed boolean not null default false;

update task t set work_basis = t.inspected_on
where t.inspected_on is not null and t.criteria_set is not null and t.commune_code is not null
  and (t.criterion is not null or exists (select 1 from task_rule r where r.code = t.rule_code
                                          and r.trigger in ('COMMUNE_WITH_MET', 'COMMUNE_TARGET_YEAR')));
-- closed by a re-inspection before this release
update task t set loop_closed = true
where t.status = 'DONE' and exists (select 1 from task_history h where h.task_id = t.id
                                    and h.action = 'STATUS_CHANGED' and h.actor like 'inspection:%');

-- The natural key stays for the work of one inspection; lineage work may be created again for the same inspection
-- (a gap reopened by a correction) and is kept single by the reconciliation.
alter table task drop constraint task_natural_key;
create unique index task_natural_key on task
    (inspection_id, rule_code, commune_code, criterion, assignee_type, assignee_code, source_ref) nulls not distinct
    where work_basis is null;
create index task_lineage_work on task (commune_code) where work_basis is not null;
