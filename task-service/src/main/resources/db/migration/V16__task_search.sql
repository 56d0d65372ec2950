-- Search by name as people type it (GET /tasks?q=): commune, organisation (assignee) names and titles, ignoring
-- diacritics and case ("thuong cuong" finds "Xã Thượng Cường"; unaccent maps đ/Đ to d). pg_trgm and unaccent are
-- trusted extensions: the database owner may create them (PostgreSQL 13+).
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only STABLE (its dictionary could be changed); naming the dictionary makes the result depend on its
-- arguments alone, so the wrapper may be IMMUTABLE and used in an index.
create or replace function ntm_fold(value text) returns text
    language sql immutable parallel safe strict
as $$ select lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

-- Names are schema-qualified: an index build runs with search_path = pg_catalog, pg_temp (PostgreSQL 17).
-- What a user sees of a task, folded (the column search_text below).
create or replace function ntm_task_search(commune_name text, assignee_name text, title text) returns text
    language sql immutable parallel safe
as $$ select public.ntm_fold(coalesce(commune_name, '') || ' ' || coalesce(assignee_name, '') || ' ' || coalesce(title, '')) $$;

-- Sorting by name follows Vietnamese order (Bằng Mạc, Chi Lăng, Đồng Mỏ): the ICU collation where the server has
-- ICU (the embedded binaries and the postgres:17 image do); elsewhere the names keep the database's order.
do $$
begin
    if exists (select 1 from pg_collation where collname = 'vi-VN-x-icu') then
        alter table task alter column commune_name type text collate "vi-VN-x-icu";
        alter table task alter column assignee_name type text collate "vi-VN-x-icu";
        alter table task alter column title type text collate "vi-VN-x-icu";
    end if;
end
$$;

-- Stored, so that the index's recheck of candidate rows compares text instead of folding it again for each row
-- (a word such as "chi" occurs in every title, "tiêu chí số ..."). Added after the collation change above: a column
-- a generated column depends on cannot change its type.
alter table task add column search_text text
    generated always as (public.ntm_task_search(commune_name, assignee_name, title)) stored;
create index task_search on task using gin (search_text gin_trgm_ops);
