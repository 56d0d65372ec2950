-- GET /tasks?inspectionId= lists the work an inspection asked for: the tasks it created and the lineage work it
-- cites (same-day inspections share one piece of work per gap; a later inspection continues an open one)
create index if not exists task_inspection_inspection on task_inspection (inspection_id);
