#!/bin/sh
# The streaming replica of the `scale` profile. On an empty data directory: a base backup of the primary
# (pg_basebackup -R writes standby.signal and primary_conninfo, so the server starts as a hot standby streaming from
# the slot the primary made); then the official image's entrypoint starts it as usual (it skips initdb on a full one).
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h db-primary -p 5432 -U "$POSTGRES_USER" -d "$POSTGRES_DB"; do sleep 1; done
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  PGPASSWORD="$REPLICATION_PASSWORD" gosu postgres \
    pg_basebackup -h db-primary -p 5432 -U replicator -D "$PGDATA" -R -X stream -S replica1 --checkpoint=fast --progress
fi
exec docker-entrypoint.sh "$@"
