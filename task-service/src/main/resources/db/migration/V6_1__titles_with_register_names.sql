-- Unit names now come from the register with their type ("Xã Thượng Cường"); {commune}, {district} and {province}
-- render it in running text ("xã Thượng Cường"), so the templates no longer put the type in front themselves.
-- Inspections after 1 July 2025 have no district: the coordination task names the district or else the province.
with changed as (
    update task_rule
    set title_template = replace(replace(replace(title_template,
            'hỗ trợ huyện {district}', 'hỗ trợ {scope}'),
            'xã {commune}', '{commune}'),
            'huyện {district}', '{district}'),
        version = version + 1,
        updated_at = now(),
        updated_by = 'system'
    where title_template like '%xã {commune}%' or title_template like '%huyện {district}%'
    returning code, version, updated_at, trigger, assignee, title_template, enabled, position, description
)
insert into task_rule_history (rule_code, version, action, actor, at, trigger, assignee, title_template, enabled,
                               position, description)
select code, version, 'UPDATED', 'system', updated_at, trigger, assignee, title_template, enabled, position,
       description
from changed
order by position, code;
