-- Local copy of criteria-service's sector list with validity (ntm.sectors.changed on criteria-events, replaced
-- wholesale): a SO_NGANH <province>:<sector> reference names a sector valid on the inspection's date.
create table sector (
    code       text primary key,
    name       text not null,
    valid_from date,          -- null: since ever
    valid_to   date,          -- inclusive; null: still valid
    successors text not null default '[]' -- JSON list of sector codes
);
