-- The province of a task (from the inspection event), so that viewers and inspectors see their province only.
alter table task add column province_code text;

-- Backfill: tasks created before this column knew no province; every inspection's tasks include sector
-- departments (SO_NGANH <province>:<sector>) or the coordination office (VP_DIEU_PHOI <province>), which name it.
update task t set province_code = p.province_code
from (select inspection_id,
             min(case assignee_type when 'VP_DIEU_PHOI' then assignee_code
                                    else split_part(assignee_code, ':', 1) end) as province_code
      from task
      where assignee_type in ('VP_DIEU_PHOI', 'SO_NGANH')
      group by inspection_id) p
where t.inspection_id = p.inspection_id and t.province_code is null;

create index task_province on task (province_code);
