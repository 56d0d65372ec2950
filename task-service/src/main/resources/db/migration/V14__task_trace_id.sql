-- The trace (W3C trace id, 32 hex digits) of the request or event a task was created in, e.g. the finalize request
-- of its inspection. Filled by the column default from the transaction-local setting ntm.trace_id (TaskTrace);
-- null for tasks created before tracing or outside a trace.
alter table task add column trace_id text default nullif(current_setting('ntm.trace_id', true), '');
comment on column task.trace_id is 'W3C trace id of the request or event that created the task (null: none known)';
