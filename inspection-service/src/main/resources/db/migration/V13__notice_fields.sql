-- Issue 25 item 1: the fields of the notice (Thông báo) the record did not hold, all optional: its number and
-- symbol ("245/TB-SNNMT"), the place in its date line ("Hà Tĩnh"), the signer {title, name} and "Nơi nhận" (a list).
alter table inspection add column notice_number text;
alter table inspection add column notice_place text;
alter table inspection add column signer jsonb;
alter table inspection add column recipients jsonb;
