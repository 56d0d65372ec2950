-- One database per service, owned by the application user (POSTGRES_USER). Runs once, on an empty volume.
create database criteria owner ntm encoding 'UTF8' template template0;
create database inspection owner ntm encoding 'UTF8' template template0;
create database task owner ntm encoding 'UTF8' template template0;
