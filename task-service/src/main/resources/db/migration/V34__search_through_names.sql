-- Issue 26 item 1: the search (GET /tasks?q=) resolves the typed words against small tables of names, then filters
-- the tasks by plain code columns. The task row no longer carries folded text (V16's search_text, V20's
-- search_words) nor feeds a word table through triggers: every insert of a task paid for both (the raw insert limit
-- fell from 19,003 to 7,371 rows/s, BENCHMARKS.md).
drop trigger if exists task_words_inserted on task;
drop trigger if exists task_words_updated on task;
drop function if exists ntm_task_words_inserted();
drop function if exists ntm_task_words_updated();
drop table if exists task_search_word;
-- their indexes (task_search_words; task_search was dropped by V20) go with the columns
alter table task drop column if exists search_words;
alter table task drop column if exists search_text;
drop function if exists ntm_words_any(text[], text[]);
drop function if exists ntm_words(text);
-- ntm_fold and ntm_task_search (V16) stay: the text of a task is still folded at query time, row by row, when a filter
-- narrows the list to a few hundred tasks or a typed word names nothing of the table below.

-- The names a task shows, once per distinct (kind, type, code, name) -- a commune's name as its tasks carry it, an
-- assignee organisation's name (type and code), a criterion's name -- folded once, when first written. Thousands of
-- rows for a million tasks (names repeat). Kept by the writers of tasks (intake, register moves, reassignment:
-- vn.ntm.task.shared.SearchNames) in the transaction that writes the task; never trimmed (a name no task carries any
-- more only finds no task). type is the assignee's type, '' for the other kinds.
create table task_search_name (
    kind    text not null check (kind in ('commune', 'assignee', 'criterion')),
    type    text not null default '',
    code    text not null,
    name    text not null,
    folded  text not null generated always as (public.ntm_fold(name)) stored,
    primary key (kind, type, code, name)
);
create index task_search_name_folded on task_search_name using gin (folded gin_trgm_ops);

insert into task_search_name (kind, type, code, name)
select distinct n.kind, n.type, n.code, n.name
from task t
cross join lateral (values ('commune', '', t.commune_code, t.commune_name),
                           ('assignee', t.assignee_type, t.assignee_code, t.assignee_name),
                           ('criterion', '', t.criterion::text, t.criterion_name)) as n(kind, type, code, name)
where n.code is not null and n.name is not null
on conflict do nothing;

-- the filter's code columns: commune_code has task_commune (V2), assignee_type/assignee_code task_assignee (V2); a
-- criterion or a rule names a large share of all tasks, where an index would not be read
analyze task_search_name;
