#!/usr/bin/env bash
# docker-entrypoint-initdb.d hook of the postgres image (first start on an empty volume only): creates the services'
# roles and databases with the passwords given to the container.
set -euo pipefail
psql --username "$POSTGRES_USER" --dbname postgres --no-psqlrc \
  -v ON_ERROR_STOP=1 \
  -v criteria_password="$NTM_CRITERIA_DB_PASSWORD" \
  -v inspection_password="$NTM_INSPECTION_DB_PASSWORD" \
  -v task_password="$NTM_TASK_DB_PASSWORD" \
  -f /ntm/init-databases.sql
