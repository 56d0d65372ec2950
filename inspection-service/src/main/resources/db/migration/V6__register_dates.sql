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
