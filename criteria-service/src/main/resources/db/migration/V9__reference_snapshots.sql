-- The snapshot sequence of every key of criteria-reference (compacted): a province's register
-- (admin-units:<province>), the sector list (sectors), a criteria set (its code). Each snapshot takes the next
-- version of its key in the transaction that writes it to the outbox; the row lock orders snapshots of one key.
create table reference_snapshot (
    snapshot_key  text        primary key,
    version       bigint      not null check (version > 0),
    announced_at  timestamptz not null
);
