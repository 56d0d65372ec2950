-- Issue 13 item 5: the explicit mapping between criteria of different sets. A criterion lists the criteria of
-- other sets it continues ('<set code>#<number>'); work under one of those is settled by findings on this one.
-- Criteria are never matched across sets by number alone (2016-2020 #11 "Hộ nghèo" is not 2021-2025 #11
-- "Nghèo đa chiều").
alter table criterion add column continues text[] not null default '{}';

-- Seed: a 2021-2025 criterion continues the 2016-2020 criterion of the same number when both carry the same name
-- (Decisions 318/QĐ-TTg and 1980/QĐ-TTg). Renamed criteria (3 Thủy lợi → Thủy lợi và phòng, chống thiên tai,
-- 11 Hộ nghèo → Nghèo đa chiều, 12 Lao động có việc làm → Lao động, 13 Tổ chức sản xuất → … và phát triển kinh tế
-- nông thôn) changed content and are left unmapped: an administrator maps them in a new set if the province
-- decides they continue.
update criterion c set continues = array['XA_NTM_2016_2020#' || c.number]
from criteria_set s, criteria_set old, criterion oc
where s.id = c.set_id and s.code = 'XA_NTM_2021_2025'
  and old.code = 'XA_NTM_2016_2020' and oc.set_id = old.id and oc.number = c.number and oc.name = c.name;

-- The lead (chủ trì) is the first of a criterion's or indicator's sectors, the others cooperate (phối hợp); the
-- seed already lists them so (DOMAIN.md §2). Announce the 2021-2025 set again so the services' copies learn the
-- mapping and the explicit lead/cooperating fields (consumers replace a set's copy by code).
update criteria_set set announced_event_id = null where code = 'XA_NTM_2021_2025' and status = 'PUBLISHED';
