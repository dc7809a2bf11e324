-- applications_get: $1 application id → the application row (timestamps ISO 8601 UTC to the microsecond), or no row.
SELECT a.id, a.kind, a.state, a.block_id, a.applicant, a.authority, a.mineral, a.title, a.geometry, a.note,
       a.snapshot, a.snapshot_sha256, a.version::text AS version, a.created_by,
       to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
       to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at,
       to_char(a.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS submitted_at,
       to_char(a.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS decided_at
FROM applications a
WHERE a.id = $1
