-- Lists are sorted by due date unless asked otherwise. With this index a search for a frequent word
-- (GET /tasks?q=cuong: 2% of a million tasks) walks the tasks in due-date order and stops after a page of
-- matches, instead of fetching and sorting every match the trigram index finds (tens of thousands of rows).
-- The planner picks whichever is cheaper; task_due_open only covers open tasks.
create index if not exists task_due on task (due_date, id);
