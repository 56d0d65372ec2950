-- Local copy of criteria-service's administrative-unit register (ntm.admin-units.changed on criteria-events):
-- one row per unit version; the same code can mean two units at two dates. valid_to is inclusive, null = still valid.
create table admin_unit (
    code          text not null,
    valid_from    date not null,
    valid_to      date,
    name          text not null,
    type          text,
    level         text not null, -- province | district | commune
    parent_code   text,
    province_code text not null, -- the province the unit lies in during its own validity
    primary key (code, valid_from)
);
create index admin_unit_by_province on admin_unit (province_code);

-- Which register import each province's copy comes from (informative; the event replaces a province wholesale).
create table admin_unit_province (
    province_code     text primary key,
    register_version  text,
    received_at       timestamptz not null
);

-- Since 2025-07-01 there are no districts: an inspection from then on has none.
alter table inspection alter column district_code drop not null;
alter table inspection alter column district_name drop not null;
-- every change of an inspection (findings, recommendations) moves its version, the ETag of If-Match
alter table inspection add column updated_at timestamptz;

-- Idempotency-Key of POST /inspections and POST /inspections/{id}/recommendations, per caller. The primary key
-- makes a concurrent retry wait for the first request's transaction and then see its result.
create table idempotency_key (
    caller        text        not null,
    idem_key      text        not null,
    operation     text        not null, -- e.g. POST /inspections
    request_hash  text        not null, -- SHA-256 of the operation and the request body as parsed
    resource_id   uuid,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    primary key (caller, idem_key)
);
create index idempotency_key_expiry on idempotency_key (expires_at);
