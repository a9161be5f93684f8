#!/bin/sh
# Runs once, when the `db` service's data folder is created (/docker-entrypoint-initdb.d):
# a role that may stream the write-ahead log, and a pg_hba.conf line that lets it connect.
set -eu
psql -v ON_ERROR_STOP=1 -v password="$REPLICATION_PASSWORD" \
    --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
