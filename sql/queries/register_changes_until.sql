-- register_changes_until: the instant up to which the register's changes are final (GET /api/changes `until`).
-- A change is dated inside its writer's transaction (a version's bounds: clock_timestamp() or the transaction's start,
-- 012), so a transaction still running may yet commit a change dated before now. The answer is now, or just before the
-- start of the oldest transaction still running on this database (any client's: one that has not written yet may),
-- whichever is earlier: every change dated up to it is committed and visible to the next statement, so a client that
-- asks again from this instant misses none and gets none twice. A long transaction holds it back; it never skips.
-- $1 timestamptz: the asked `since` (the answer is never before it); $2 timestamptz or NULL: the asked `until` (never
-- after it). Also: `since` resolved (a day is its first instant in the session's time zone).
SELECT to_char(greatest($1::timestamptz, least(clock_timestamp(), w.oldest - interval '1 microsecond', $2::timestamptz))
               AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS until,
       to_char($1::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS since
FROM (
  SELECT min(a.xact_start) AS oldest
  FROM pg_stat_activity a
  WHERE a.pid <> pg_backend_pid() AND a.datname = current_database() AND a.backend_type = 'client backend'
    AND a.xact_start IS NOT NULL
) w
