-- Issue 22 item 6: the register copy keeps the successions ntm.admin-units.changed carries (fromCode valid the day
-- before effectiveOn -> toCode valid on effectiveOn), replaced with the units of the province of the unit they lead
-- out of. Commune history and "change since last" follow them; officers of a successor province read and continue
-- the inspections of the provinces it succeeded.
create table admin_unit_succession (
    from_code     text not null,
    to_code       text not null,
    effective_on  date not null,
    legal_basis   text,
    province_code text not null, -- the province of the unit the succession leads out of (the event's province)
    primary key (from_code, to_code, effective_on)
);
create index admin_unit_succession_into on admin_unit_succession (to_code, effective_on);
create index admin_unit_succession_by_province on admin_unit_succession (province_code);
