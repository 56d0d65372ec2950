-- The snapshot version of criteria-reference held per key (admin-units:<province>, sectors, a criteria set's code):
-- a snapshot is applied only if its version is above this one (ReferenceSnapshots.supersedes), so a retried older
-- record delivered after a newer one changes nothing. No row: the copy holds no versioned snapshot of the key.
create table reference_snapshot (
    snapshot_key  text        primary key,
    version       bigint      not null,
    event_id      uuid        not null,
    applied_at    timestamptz not null
);
