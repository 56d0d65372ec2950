-- Issue 24 item 7: a DRAFT inspection, or one recommendation of a DRAFT, can be deleted. The rows go; what was
-- deleted, by whom (the token subject) and when stays here, so the deletion has a history. No event: a draft was
-- never published.
create table inspection_deletion (
    id                bigint generated always as identity primary key,
    inspection_id     uuid        not null, -- no reference: the inspection row may be gone
    recommendation_id uuid,                 -- null when the whole inspection was deleted
    province_code     text        not null,
    deleted_by        text        not null,
    deleted_at        timestamptz not null,
    record            jsonb       not null  -- what was deleted, as GET showed it (the inspection or the recommendation)
);
create index inspection_deletion_inspection on inspection_deletion (inspection_id);
