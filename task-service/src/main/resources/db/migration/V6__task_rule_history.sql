-- Who changed a task rule, and when: one row per change, holding the rule as the change left it.
alter table task_rule add column updated_by text;

create table task_rule_history (
    id              bigint generated always as identity primary key,
    rule_code       text        not null,
    version         bigint      not null,
    action          text        not null check (action in ('SNAPSHOT', 'CREATED', 'UPDATED')),
    actor           text        not null,
    at              timestamptz not null,
    trigger         text        not null,
    assignee        text        not null,
    title_template  text        not null,
    enabled         boolean     not null,
    position        int         not null,
    description     text
);
create index task_rule_history_rule on task_rule_history (rule_code, id);

-- The rules as they stand when the history begins (earlier changes recorded no actor).
insert into task_rule_history (rule_code, version, action, actor, at, trigger, assignee, title_template, enabled,
                               position, description)
select code, version, 'SNAPSHOT', 'system', updated_at, trigger, assignee, title_template, enabled, position,
       description
from task_rule
order by position, code;
