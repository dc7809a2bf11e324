-- wal_position: the primary's current WAL write position (after a write: a read replica that has replayed up to it shows the write).
SELECT pg_current_wal_lsn()::text AS lsn
