-- Issue 25 item 3 (a commune's profile): the tier a criteria set recognises (NTM, NTM_NANG_CAO, NTM_KIEU_MAU), so
-- that a commune meeting every criterion of its set is said to have reached that tier. Written with the set's
-- criteria (catalog_criterion) from ntm.criteria-set.published; a set copied before this release has no row until
-- criteria-service announces it again (the profile then names no tier reached).
create table catalog_set (
    code  text primary key,
    name  text,
    tier  text
);

-- A commune's lineage is walked both ways through the successions (the profile, the intake's Lineages): by
-- from_code through the primary key, by to_code through this index rather than a scan of every succession.
create index admin_unit_succession_to on admin_unit_succession (to_code);
