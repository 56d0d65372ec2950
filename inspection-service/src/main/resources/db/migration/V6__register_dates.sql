-- Issue 12 item 3: a unit code alone is ambiguous (codes are reused: 06475 was Xã Gia Lộc, is Xã Bằng Mạc), so every
-- row that stores unit codes carries the register date they refer to. An inspection's codes (province, district,
-- communes, organisation references of the lead agency, participants, findings and recommendations) all refer to
-- the register as of its inspected_on.
alter table inspection add column register_date date;
update inspection set register_date = inspected_on where register_date is null;
alter table inspection alter column register_date set not null;

alter table inspection_commune add column register_date date;
update inspection_commune c set register_date = i.inspected_on from inspection i
 where i.id = c.inspection_id and c.register_date is null;
alter table inspection_commune alter column register_date set not null;

alter table finding add column register_date date;
update finding f set register_date = c.register_date from inspection_commune c
 where c.id = f.commune_id and f.register_date is null;
alter table finding alter column register_date set not null;

alter table recommendation add column register_date date;
update recommendation r set register_date = i.inspected_on from inspection i
 where i.id = r.inspection_id and r.register_date is null;
alter table recommendation alter column register_date set not null;

-- Rows written without a register date (by SQL outside the service: imports, fixtures) take their inspection's date.
create function inspection_register_date() returns trigger language plpgsql as $$
begin
    if new.register_date is null then
        new.register_date := new.inspected_on;
    end if;
    return new;
end $$;
create trigger inspection_register_date before insert or update on inspection
    for each row execute function inspection_register_date();

create function inspection_child_register_date() returns trigger language plpgsql as $$
begin
    if new.register_date is null then
        if tg_table_name = 'finding' then
            select c.register_date into new.register_date from inspection_commune c where c.id = new.commune_id;
        else
            select i.register_date into new.register_date from inspection i where i.id = new.inspection_id;
        end if;
    end if;
    return new;
end $$;
create trigger inspection_commune_register_date before insert or update on inspection_commune
    for each row execute function inspection_child_register_date();
create trigger finding_register_date before insert or update on finding
    for each row execute function inspection_child_register_date();
create trigger recommendation_register_date before insert or update on recommendation
    for each row execute function inspection_child_register_date();
