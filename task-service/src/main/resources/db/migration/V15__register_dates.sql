-- Issue 12 item 3: a unit code alone is ambiguous (codes are reused: 06475 was Xã Gia Lộc, is Xã Bằng Mạc), so each
-- stored code carries the register date it refers to. assignee_as_of (V10) is the assignee code's; source_as_of is
-- the date of the codes the inspection named: commune_code and the first assignee (original_assignee_*, or the
-- assignee while the task was never moved) -- the inspection's register date.
alter table task add column source_as_of date;
-- Backfill: a task never moved by the register still has the inspection's date in assignee_as_of; a moved task's
-- codes were valid on the day before its first move (the last day of the unit that ceased).
update task t set source_as_of = coalesce(
        (select min(m.effective_on) - 1 from task_succession_move m where m.task_id = t.id),
        t.assignee_as_of,
        (t.created_at at time zone 'Asia/Ho_Chi_Minh')::date)
 where source_as_of is null;
update task set assignee_as_of = source_as_of where assignee_as_of is null;
