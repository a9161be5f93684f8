#!/bin/sh
# The `replica` service: a streaming standby of `db`. On its first start the data folder is a
# copy of the primary's (pg_basebackup -R writes standby.signal and the connection to `db`);
# then the image's own entrypoint starts PostgreSQL on it, as for any existing data folder.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    until pg_isready -q -h db -U replicator; do
        echo "waiting for the primary (db) ..."
        sleep 2
    done
    mkdir -p "$PGDATA"
    chown postgres:postgres "$PGDATA"
    chmod 700 "$PGDATA"
    PGPASSWORD="$REPLICATION_PASSWORD" gosu postgres \
        pg_basebackup -h db -U replicator -D "$PGDATA" -R -X stream -c fast
fi
exec docker-entrypoint.sh "$@"
