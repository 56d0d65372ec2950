-- The change feed (GET /tasks?updatedSince=…): tasks in the order they last changed, ties by id, read as a range
-- from the requested instant or from the cursor's (updated_at, id). Numbered above the other migrations of issue 24,
-- which other work adds at the same time.
create index task_updated on task (updated_at, id);
