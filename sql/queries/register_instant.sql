-- register_instant: the instant an `as_at` parameter names, as the history queries read it (012).
-- $1 text  an ISO 8601 instant with offset, or a day YYYY-MM-DD (its first instant in the session's time zone,
--          exactly as the items queries' `$n::timestamptz` cast reads it)
-- One row: at, ISO 8601 UTC to the microsecond (the precision of the history's periods, as in <layer>_versions).
SELECT to_char($1::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
