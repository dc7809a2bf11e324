-- applications_set_state: one step of the lifecycle. $1 id, $2 the version the step started from, $3 the state it
-- started from, $4 the new state, $5 the frozen snapshot (exact JSON text) or NULL to keep the one on record,
-- $6 its SHA-256 → the new row; no row when another step moved the application first (version and state are
-- checked in this statement, so of two concurrent steps only one wins). submitted_at is set on submission,
-- decided_at on approval or refusal.
WITH a AS (
  UPDATE applications SET state = $4, version = version + 1, updated_at = clock_timestamp(),
    snapshot = COALESCE($5, snapshot), snapshot_sha256 = COALESCE($6, snapshot_sha256),
    submitted_at = CASE WHEN $4 = 'submitted' THEN clock_timestamp() ELSE submitted_at END,
    decided_at = CASE WHEN $4 IN ('approved', 'refused') THEN clock_timestamp() ELSE decided_at END
  WHERE id = $1 AND version = $2::bigint AND state = $3
  RETURNING *
)
SELECT a.id, a.kind, a.state, a.block_id, a.applicant, a.authority, a.mineral, a.title, a.geometry, a.note,
       a.snapshot, a.snapshot_sha256, a.version::text AS version, a.created_by,
       to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
       to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at,
       to_char(a.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS submitted_at,
       to_char(a.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS decided_at
FROM a
