-- The work-list query of an organisation: its tasks by status, in due-date order (ties by id), one page at a time.
create index task_assignee_status_due on task (assignee_type, assignee_code, status, due_date, id);
