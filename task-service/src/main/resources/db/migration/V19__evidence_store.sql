-- README "Evidence": where each file's content is kept. 'postgres': in the row (content); 's3': the object object_key
-- of the configured S3-compatible bucket, written before the row and deleted again when the row's transaction fails.
alter table task_evidence
    add column store      text not null default 'postgres',
    add column object_key text,
    alter column content drop not null;
alter table task_evidence add constraint task_evidence_content check (
    (store = 'postgres' and content is not null and object_key is null)
    or (store = 's3' and content is null and object_key is not null));
-- the orphan sweep asks whether an object has a row
create unique index task_evidence_object_key on task_evidence (object_key) where object_key is not null;
