-- Idempotent consumer log: one row per consumed event id, written in the transaction that does the work.
create table processed_event (
    event_id      uuid        primary key,
    event_type    text        not null,
    subject       text,
    processed_at  timestamptz not null default now()
);

-- Data-driven rules that turn a finalized inspection into tasks (see README "Rules").
create table task_rule (
    code            text    primary key,
    trigger         text    not null check (trigger in ('NOT_MET_CRITERION', 'COMMUNE_WITH_MET',
                                'COMMUNE_TARGET_YEAR', 'INSPECTION', 'RECOMMENDATION')),
    assignee        text    not null check (assignee in ('COMMUNE', 'DISTRICT', 'SECTOR_DEPARTMENTS',
                                'COORDINATION_OFFICE', 'RECOMMENDATION_ASSIGNEE')),
    title_template  text    not null,
    enabled         boolean not null default true,
    position        int     not null default 100,
    description     text,
    version         bigint  not null default 0,
    updated_at      timestamptz not null default now()
);

insert into task_rule (code, trigger, assignee, title_template, position, description) values
 ('NOT_MET_COMMUNE', 'NOT_MET_CRITERION', 'COMMUNE',
  'Hoàn thành tiêu chí số {criterion} ({criterionName}) tại xã {commune}', 10,
  'Mỗi tiêu chí chưa đạt: UBND xã hoàn thành tiêu chí'),
 ('NOT_MET_SECTOR', 'NOT_MET_CRITERION', 'SECTOR_DEPARTMENTS',
  'Hướng dẫn, hỗ trợ xã {commune} thực hiện tiêu chí số {criterion} ({criterionName})', 20,
  'Mỗi tiêu chí chưa đạt: mỗi sở, ngành phụ trách hướng dẫn, hỗ trợ'),
 ('NOT_MET_DISTRICT', 'NOT_MET_CRITERION', 'DISTRICT',
  'Chỉ đạo, đôn đốc xã {commune} hoàn thành tiêu chí số {criterion} ({criterionName})', 30,
  'Mỗi tiêu chí chưa đạt: UBND huyện chỉ đạo, đôn đốc'),
 ('MET_MAINTAIN', 'COMMUNE_WITH_MET', 'COMMUNE',
  'Duy trì, nâng cao chất lượng {metCount} tiêu chí đã đạt tại xã {commune}', 40,
  'Xã có tiêu chí đã đạt: UBND xã duy trì, nâng cao'),
 ('TARGET_YEAR_DOSSIER', 'COMMUNE_TARGET_YEAR', 'DISTRICT',
  'Hoàn thiện hồ sơ đề nghị công nhận xã {commune} đạt chuẩn {targetTier} năm {targetYear}', 50,
  'Xã có năm mục tiêu là năm kiểm tra: UBND huyện hoàn thiện hồ sơ công nhận'),
 ('COORDINATION', 'INSPECTION', 'COORDINATION_OFFICE',
  'Điều phối các sở, ngành hướng dẫn, hỗ trợ huyện {district} thực hiện kết luận kiểm tra ngày {inspectedOn}', 60,
  'Mỗi cuộc kiểm tra: Văn phòng Điều phối tỉnh điều phối'),
 ('RECOMMENDATION', 'RECOMMENDATION', 'RECOMMENDATION_ASSIGNEE',
  'Thực hiện kiến nghị của đoàn kiểm tra tại {scope}', 70,
  'Mỗi kiến nghị: đơn vị được giao thực hiện');

create table task (
    id                   uuid        primary key,
    inspection_id        uuid        not null,
    rule_code            text        not null,
    source_ref           text,
    commune_code         text,
    commune_name         text,
    criterion            int,
    criterion_name       text,
    assignee_type        text        not null,
    assignee_code        text        not null,
    assignee_name        text,
    title                text        not null,
    description          text,
    due_date             date        not null,
    status               text        not null check (status in ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    version              bigint      not null default 0,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    overdue_notified_at  timestamptz,
    due_soon_notified_at timestamptz,
    -- one task per rule, inspection, commune, criterion and assignee: a redelivered or raced event adds nothing
    constraint task_natural_key unique nulls not distinct
        (inspection_id, rule_code, commune_code, criterion, assignee_type, assignee_code, source_ref)
);
create index task_assignee on task (assignee_type, assignee_code);
create index task_due_open on task (due_date) where status in ('OPEN', 'IN_PROGRESS');
create index task_commune on task (commune_code, criterion);

create table task_history (
    id          bigint generated always as identity primary key,
    task_id     uuid        not null references task (id),
    at          timestamptz not null,
    actor       text        not null,
    action      text        not null,
    from_status text,
    to_status   text,
    note        text
);
create index task_history_task on task_history (task_id, id);
