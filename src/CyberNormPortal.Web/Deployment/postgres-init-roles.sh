#!/usr/bin/env bash
# Run once by the postgres:15 image when its data volume is first created (docker-entrypoint-initdb.d).
# Two roles, neither a superuser:
#   portal_owner  owns the database and its schema; only the migrate job connects as it.
#   portal_app    the running portal; the migrate job grants it row access (Database__AppRole) and nothing else,
#                 so it cannot alter, drop or disable the audit log's append-only triggers, nor UPDATE/DELETE it.
set -euo pipefail
: "${PORTAL_OWNER_PASSWORD:?set PORTAL_OWNER_PASSWORD}" "${PORTAL_APP_PASSWORD:?set PORTAL_APP_PASSWORD}"

# Passwords travel as psql variables (:'name' quotes them as literals), never pasted into the SQL text.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v owner_password="$PORTAL_OWNER_PASSWORD" -v app_password="$PORTAL_APP_PASSWORD" <<'SQL'
CREATE ROLE portal_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE portal_app LOGIN PASSWORD :'app_password';
CREATE DATABASE cybernormportal OWNER portal_owner;
SQL
