-- Issue 13: the advanced and model NTM commune sets of 2021-2025, by name and legal basis, so that an inspection
-- can choose the set that serves a commune's target tier. Like the basic set, nothing is invented: their criteria,
-- indicators and thresholds are entered by administrators through the API, who then publish them (DRAFT until then).
insert into criteria_set (code, name, level, tier, period_from, period_to, legal_basis, status)
values ('XA_NTM_NANG_CAO_2021_2025', 'Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021 – 2025',
        'COMMUNE', 'NTM_NANG_CAO', 2021, 2025,
        'Quyết định 318/QĐ-TTg ngày 08/03/2022 của Thủ tướng Chính phủ, Phụ lục II', 'DRAFT'),
       ('XA_NTM_KIEU_MAU_2021_2025', 'Quy định xã nông thôn mới kiểu mẫu giai đoạn 2021 – 2025',
        'COMMUNE', 'NTM_KIEU_MAU', 2021, 2025,
        'Quyết định 319/QĐ-TTg ngày 08/03/2022 của Thủ tướng Chính phủ', 'DRAFT')
on conflict (code) do nothing;
