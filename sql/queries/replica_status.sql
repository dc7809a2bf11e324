-- replica_status: run on the read replica (DATABASE_READ_URL). standby: whether it is a streaming standby;
-- replay_lsn: the WAL position it has applied (on a server that is not a standby: its own current position);
-- lag_ms: 0 when everything received is applied, else the age of the last applied transaction (an idle primary sends
-- nothing, so a caught-up standby reads 0, not the time since the last write).
SELECT pg_is_in_recovery() AS standby,
       (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END)::text AS replay_lsn,
       CASE
         WHEN NOT pg_is_in_recovery() THEN 0
         WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
         ELSE coalesce(extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000, 0)
       END::float8 AS lag_ms
