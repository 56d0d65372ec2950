-- Seed: the commune NTM sets 2021-2025 (Decision 318/QĐ-TTg, annex I) and 2016-2020 (Decision 1980/QĐ-TTg).
-- Names, groups and sectors only; thresholds are never invented here: they are added through the API.

insert into criteria_set (code, name, level, tier, period_from, period_to, legal_basis, status, published_at)
    values ('XA_NTM_2021_2025', 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021 – 2025', 'COMMUNE', 'NTM', 2021, 2025, 'Quyết định 318/QĐ-TTg ngày 08/03/2022 của Thủ tướng Chính phủ, Phụ lục I', 'PUBLISHED', now());
insert into criteria_group (set_id, position, code, name)
select s.id, g.position, g.code, g.name from criteria_set s, (values
    (1, 'I', 'Quy hoạch'),
    (2, 'II', 'Hạ tầng kinh tế – xã hội'),
    (3, 'III', 'Kinh tế và tổ chức sản xuất'),
    (4, 'IV', 'Văn hóa – Xã hội – Môi trường'),
    (5, 'V', 'Hệ thống chính trị')) g (position, code, name)
where s.code = 'XA_NTM_2021_2025';
insert into criterion (set_id, position, number, code, name, group_code, sectors)
select s.id, c.number, c.number, c.number::text, c.name, c.group_code, c.sectors::text[] from criteria_set s, (values
    (1, 'Quy hoạch', 'I', '{XD}'),
    (2, 'Giao thông', 'II', '{GTVT}'),
    (3, 'Thủy lợi và phòng, chống thiên tai', 'II', '{NNPTNT}'),
    (4, 'Điện', 'II', '{CT}'),
    (5, 'Trường học', 'II', '{GDDT}'),
    (6, 'Cơ sở vật chất văn hóa', 'II', '{VHTTDL}'),
    (7, 'Cơ sở hạ tầng thương mại nông thôn', 'II', '{CT}'),
    (8, 'Thông tin và Truyền thông', 'II', '{TTTT}'),
    (9, 'Nhà ở dân cư', 'II', '{XD}'),
    (10, 'Thu nhập', 'III', '{NNPTNT}'),
    (11, 'Nghèo đa chiều', 'III', '{LDTBXH}'),
    (12, 'Lao động', 'III', '{LDTBXH}'),
    (13, 'Tổ chức sản xuất và phát triển kinh tế nông thôn', 'III', '{NNPTNT}'),
    (14, 'Giáo dục và Đào tạo', 'IV', '{GDDT}'),
    (15, 'Y tế', 'IV', '{YT,BHXH}'),
    (16, 'Văn hóa', 'IV', '{VHTTDL}'),
    (17, 'Môi trường và an toàn thực phẩm', 'IV', '{TNMT,YT,NNPTNT,CT}'),
    (18, 'Hệ thống chính trị và tiếp cận pháp luật', 'V', '{NV,TP,LDTBXH}'),
    (19, 'Quốc phòng và An ninh', 'V', '{QS,CA}')) c (number, name, group_code, sectors)
where s.code = 'XA_NTM_2021_2025';

insert into criteria_set (code, name, level, tier, period_from, period_to, legal_basis, status, published_at)
    values ('XA_NTM_2016_2020', 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016 – 2020', 'COMMUNE', 'NTM', 2016, 2020, 'Quyết định 1980/QĐ-TTg ngày 17/10/2016 của Thủ tướng Chính phủ', 'PUBLISHED', now());
insert into criteria_group (set_id, position, code, name)
select s.id, g.position, g.code, g.name from criteria_set s, (values
    (1, 'I', 'Quy hoạch'),
    (2, 'II', 'Hạ tầng kinh tế – xã hội'),
    (3, 'III', 'Kinh tế và tổ chức sản xuất'),
    (4, 'IV', 'Văn hóa – Xã hội – Môi trường'),
    (5, 'V', 'Hệ thống chính trị')) g (position, code, name)
where s.code = 'XA_NTM_2016_2020';
insert into criterion (set_id, position, number, code, name, group_code, sectors)
select s.id, c.number, c.number, c.number::text, c.name, c.group_code, c.sectors::text[] from criteria_set s, (values
    (1, 'Quy hoạch', 'I', '{XD}'),
    (2, 'Giao thông', 'II', '{GTVT}'),
    (3, 'Thủy lợi', 'II', '{NNPTNT}'),
    (4, 'Điện', 'II', '{CT}'),
    (5, 'Trường học', 'II', '{GDDT}'),
    (6, 'Cơ sở vật chất văn hóa', 'II', '{VHTTDL}'),
    (7, 'Cơ sở hạ tầng thương mại nông thôn', 'II', '{CT}'),
    (8, 'Thông tin và Truyền thông', 'II', '{TTTT}'),
    (9, 'Nhà ở dân cư', 'II', '{XD}'),
    (10, 'Thu nhập', 'III', '{NNPTNT}'),
    (11, 'Hộ nghèo', 'III', '{LDTBXH}'),
    (12, 'Lao động có việc làm', 'III', '{LDTBXH}'),
    (13, 'Tổ chức sản xuất', 'III', '{NNPTNT}'),
    (14, 'Giáo dục và Đào tạo', 'IV', '{GDDT}'),
    (15, 'Y tế', 'IV', '{YT,BHXH}'),
    (16, 'Văn hóa', 'IV', '{VHTTDL}'),
    (17, 'Môi trường và an toàn thực phẩm', 'IV', '{TNMT,YT,NNPTNT,CT}'),
    (18, 'Hệ thống chính trị và tiếp cận pháp luật', 'V', '{NV,TP,LDTBXH}'),
    (19, 'Quốc phòng và An ninh', 'V', '{QS,CA}')) c (number, name, group_code, sectors)
where s.code = 'XA_NTM_2016_2020';

-- Only the indicators the domain brief names; their names are short labels (legal wording unconfirmed).
insert into indicator (criterion_id, position, code, name, sectors)
select c.id, i.position, i.code, i.name, i.sectors::text[]
from criterion c join criteria_set s on s.id = c.set_id, (values
    (15, 1, '15.1', 'Tham gia bảo hiểm y tế', '{BHXH}'),
    (17, 1, '17.8', 'An toàn thực phẩm', '{YT,NNPTNT,CT}'),
    (18, 1, '18.5', 'Tiếp cận pháp luật', '{TP}'),
    (18, 2, '18.6', 'Bình đẳng giới', '{LDTBXH}'),
    (19, 1, '19.1', 'Quốc phòng (quân sự)', '{QS}'),
    (19, 2, '19.2', 'An ninh, trật tự xã hội', '{CA}')) i (number, position, code, name, sectors)
where s.code = 'XA_NTM_2021_2025' and c.number = i.number;
