-- Issue 22 item 7: rule rows carry validity dates like the register's units. A rule code may have several rows,
-- one per period; valid_from null = since always, valid_to null = until further notice (both inclusive). Two rows
-- of one code never cover the same day (the exclusion constraint; RuleService refuses it first with 409).
-- btree_gist is a trusted extension (PostgreSQL 13+), like unaccent and pg_trgm in V16.
create extension if not exists btree_gist;

alter table task_rule drop constraint task_rule_pkey;
alter table task_rule add column id bigint generated always as identity primary key;
alter table task_rule add column valid_from date;
alter table task_rule add column valid_to date;
alter table task_rule add constraint task_rule_period check (valid_from is null or valid_to is null or valid_from <= valid_to);
alter table task_rule add constraint task_rule_no_overlap
    exclude using gist (code with =, daterange(valid_from, valid_to, '[]') with &&);

alter table task_rule_history add column valid_from date;
alter table task_rule_history add column valid_to date;
