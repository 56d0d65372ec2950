-- Issue 22 item 7: from 1 July 2025 local government has two tiers (Luật Tổ chức chính quyền địa phương
-- 72/2025/QH15; DOMAIN.md §6): nothing is given to a district. The rows that gave UBND huyện work end on
-- 2025-06-30; the same roles (same codes) go, from 2025-07-01, where the two-tier government puts them
-- (task-service README "Rules by date"):
--   NOT_MET_DISTRICT    directing and urging a commune on an unmet criterion → the provincial NTM coordination
--                       office (VP_DIEU_PHOI), which follows the whole province, as the register's succession
--                       already moves the districts' open work to it;
--   TARGET_YEAR_DOSSIER the recognition dossier in the target year → the commune's own UBND xã, which submits it
--                       to the province (the notice's section II.1 already asks the commune to prepare it).
-- Each change is recorded in task_rule_history as a change by 'system', like V6_1.
with closed as (
    update task_rule
    set valid_to = date '2025-06-30',
        version = version + 1,
        updated_at = now(),
        updated_by = 'system'
    where code in ('NOT_MET_DISTRICT', 'TARGET_YEAR_DOSSIER') and assignee = 'DISTRICT'
      and valid_from is null and valid_to is null
    returning code, version, updated_at, trigger, assignee, title_template, enabled, position, description,
              valid_from, valid_to
)
insert into task_rule_history (rule_code, version, action, actor, at, trigger, assignee, title_template, enabled,
                               position, description, valid_from, valid_to)
select code, version, 'UPDATED', 'system', updated_at, trigger, assignee, title_template, enabled, position,
       description, valid_from, valid_to
from closed
order by position, code;

with added as (
    insert into task_rule (code, trigger, assignee, title_template, enabled, position, description, updated_at,
                           updated_by, valid_from)
    -- enabled and position as the closed district row had them (a province that switched the rule off keeps it off)
    select v.code, v.trigger, v.assignee, v.title_template, r.enabled, r.position, v.description, now(), 'system',
           date '2025-07-01'
    from (values
        ('NOT_MET_DISTRICT', 'NOT_MET_CRITERION', 'COORDINATION_OFFICE',
         'Chỉ đạo, đôn đốc {commune} hoàn thành tiêu chí số {criterion} ({criterionName})',
         'Mỗi tiêu chí chưa đạt, từ 01/07/2025 (chính quyền địa phương hai cấp, không còn UBND huyện): Văn phòng'
             || ' Điều phối nông thôn mới tỉnh chỉ đạo, đôn đốc'),
        ('TARGET_YEAR_DOSSIER', 'COMMUNE_TARGET_YEAR', 'COMMUNE',
         'Hoàn thiện hồ sơ đề nghị công nhận {commune} đạt chuẩn {targetTier} năm {targetYear}',
         'Xã có năm mục tiêu là năm kiểm tra, từ 01/07/2025 (chính quyền địa phương hai cấp, không còn UBND huyện):'
             || ' UBND xã hoàn thiện hồ sơ đề nghị UBND tỉnh công nhận')
    ) as v (code, trigger, assignee, title_template, description)
    -- only after the district row closed above; nothing when a row already covers 2025-07-01
    join task_rule r on r.code = v.code and r.valid_to = date '2025-06-30'
    where not exists (select 1 from task_rule o where o.code = v.code
                      and (o.valid_to is null or o.valid_to >= date '2025-07-01'))
    returning code, version, updated_at, trigger, assignee, title_template, enabled, position, description,
              valid_from, valid_to
)
insert into task_rule_history (rule_code, version, action, actor, at, trigger, assignee, title_template, enabled,
                               position, description, valid_from, valid_to)
select code, version, 'CREATED', 'system', updated_at, trigger, assignee, title_template, enabled, position,
       description, valid_from, valid_to
from added
order by position, code;
