-- Consumed events, written in the same transaction as their effect: a redelivery is recognised and skipped.
create table processed_event (
    event_id     uuid primary key,
    event_type   text        not null,
    processed_at timestamptz not null default now()
);

-- Local copy of published criteria sets (from criteria-events, or read through from criteria-service on a miss).
create table catalog_set (
    code       text primary key,
    name       text        not null,
    level      text,
    tier       text,
    status     text        not null,
    criteria   text        not null, -- JSON: [{number, code, name, group, sectors[]}]
    source     text        not null, -- EVENT or CRITERIA_SERVICE
    updated_at timestamptz not null
);

create table inspection (
    id             uuid primary key,
    title          text        not null,
    inspected_on   date        not null,
    lead_agency    text        not null, -- JSON organisation reference
    legal_basis    text        not null, -- JSON list
    participants   text        not null, -- JSON list of organisation references
    province_code  text        not null,
    province_name  text        not null,
    district_code  text        not null,
    district_name  text        not null,
    assessment     text,
    stated_figures text        not null, -- JSON object of exact decimals, as the notice states them
    status         text        not null,
    created_at     timestamptz not null,
    finalized_at   timestamptz,
    version        bigint      not null default 0
);
create index inspection_listing on inspection (inspected_on desc, created_at desc, id);
create index inspection_scope on inspection (province_code, district_code);

create table inspection_commune (
    id            uuid primary key,
    inspection_id uuid not null references inspection (id),
    position      int  not null,
    code          text not null,
    name          text not null,
    criteria_set  text not null,
    target_tier   text not null,
    target_year   int  not null,
    stated_met    int,
    unique (inspection_id, code)
);
create index inspection_commune_code on inspection_commune (code);

create table finding (
    id          uuid primary key,
    commune_id  uuid not null references inspection_commune (id),
    criterion   int  not null,
    result      text not null,
    note        text,
    remedy      text,
    deadline    date,
    responsible text not null, -- JSON list of organisation references overriding the catalog's sectors
    unique (commune_id, criterion)
);

create table recommendation (
    id            uuid primary key,
    inspection_id uuid        not null references inspection (id),
    position      int         not null,
    assignee      text        not null, -- JSON organisation reference
    commune_code  text,
    content       text        not null,
    deadline      date,
    created_at    timestamptz not null,
    unique (inspection_id, position)
);
