-- who recorded and who finalized an inspection: the bearer token's subject, never the request body
alter table inspection add column recorded_by text;
alter table inspection add column finalized_by text;
