-- One login role and one database per service. Each role owns its own database and nothing else: no superuser,
-- no CREATEDB/CREATEROLE, and no CONNECT on the other services' databases. Runs once, on an empty volume, from
-- init-databases.sh, which passes the passwords in as psql variables (no password is committed).
\set ON_ERROR_STOP on

create role criteria login nosuperuser nocreatedb nocreaterole noreplication password :'criteria_password';
create database criteria owner criteria encoding 'UTF8' template template0;
revoke all on database criteria from public;

create role inspection login nosuperuser nocreatedb nocreaterole noreplication password :'inspection_password';
create database inspection owner inspection encoding 'UTF8' template template0;
revoke all on database inspection from public;

create role task login nosuperuser nocreatedb nocreaterole noreplication password :'task_password';
create database task owner task encoding 'UTF8' template template0;
revoke all on database task from public;
