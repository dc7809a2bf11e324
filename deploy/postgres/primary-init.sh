#!/bin/sh
# Run once by the official postgres image on an empty data directory (/docker-entrypoint-initdb.d): the primary of the
# `scale` profile lets the replica stream its WAL. A role for replication, a physical slot (the primary keeps the WAL
# the replica has not received) and a pg_hba line for replication connections from the compose network.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '${REPLICATION_PASSWORD}';
SELECT pg_create_physical_replication_slot('replica1');
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
