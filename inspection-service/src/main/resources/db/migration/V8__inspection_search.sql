-- Search by name as people type it (GET /inspections?q=): the inspection's title, province, district and lead
-- agency names and its communes' names, ignoring diacritics and case ("thuong cuong" finds "Xã Thượng Cường").
-- pg_trgm and unaccent are trusted extensions: the database owner may create them (PostgreSQL 13+).
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only STABLE (its dictionary could be changed); naming the dictionary makes the result depend on its
-- arguments alone, so the wrapper may be IMMUTABLE and used in an index. Names are schema-qualified: an index build
-- runs with search_path = pg_catalog, pg_temp (PostgreSQL 17).
create or replace function ntm_fold(value text) returns text
    language sql immutable parallel safe strict
as $$ select lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

-- What the list shows of an inspection itself, folded (lead_agency is an organisation reference, jsonb since V5).
create or replace function ntm_inspection_search(title text, province_name text, district_name text,
                                                 lead_agency jsonb) returns text
    language sql immutable parallel safe
as $$ select public.ntm_fold(coalesce(title, '') || ' ' || coalesce(province_name, '') || ' '
        || coalesce(district_name, '') || ' ' || coalesce(lead_agency ->> 'name', '')) $$;

create index inspection_search on inspection
    using gin (ntm_inspection_search(title, province_name, district_name, lead_agency) gin_trgm_ops);
create index inspection_commune_search on inspection_commune using gin (ntm_fold(name) gin_trgm_ops);
