-- applications_update_draft: edit a draft at the version the editor read (If-Match). $1 id, $2 that version,
-- $3 title, $4 geometry (GeoJSON text or NULL), $5 note, $6 mineral → the new row; no row when the application is
-- not a draft any more or has changed since (the version check is in this statement).
WITH a AS (
  UPDATE applications SET title = $3, geometry = $4::jsonb, note = $5, mineral = $6,
    version = version + 1, updated_at = clock_timestamp()
  WHERE id = $1 AND version = $2::bigint AND state = 'draft'
  RETURNING *
)
SELECT a.id, a.kind, a.state, a.block_id, a.applicant, a.authority, a.mineral, a.title, a.geometry, a.note,
       a.snapshot, a.snapshot_sha256, a.version::text AS version, a.created_by,
       to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
       to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at,
       to_char(a.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS submitted_at,
       to_char(a.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS decided_at
FROM a
