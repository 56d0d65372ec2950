-- Issue 25 item 5: one term per concept across the services, "đợt kiểm tra" (inspection-service's word) rather than
-- "cuộc kiểm tra". V2 seeded the COORDINATION rule's description with the other word; its text is rewritten here,
-- in the rows that still hold V2's words (a province that wrote its own description keeps it). V2 is not edited.
-- Each change is recorded in task_rule_history as a change by 'system', like V25.
with reworded as (
    update task_rule
    set description = replace(description, 'cuộc kiểm tra', 'đợt kiểm tra'),
        version = version + 1,
        updated_at = now(),
        updated_by = 'system'
    where code = 'COORDINATION'
      and description = 'Mỗi cuộc kiểm tra: Văn phòng Điều phối tỉnh điều phối'
    returning code, version, updated_at, trigger, assignee, title_template, enabled, position, description,
              valid_from, valid_to
)
insert into task_rule_history (rule_code, version, action, actor, at, trigger, assignee, title_template, enabled,
                               position, description, valid_from, valid_to)
select code, version, 'UPDATED', 'system', updated_at, trigger, assignee, title_template, enabled, position,
       description, valid_from, valid_to
from reworded
order by position, code;
