-- applications_insert: a new application in state draft (016). $1 kind, $2 block_id, $3 applicant, $4 authority,
-- $5 mineral, $6 title, $7 geometry (GeoJSON text or NULL), $8 note, $9 created_by (account name),
-- $10 created_by_user_id → the application row.
WITH a AS (
  INSERT INTO applications (kind, block_id, applicant, authority, mineral, title, geometry, note, created_by, created_by_user_id)
  VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)
  RETURNING *
)
SELECT a.id, a.kind, a.state, a.block_id, a.applicant, a.authority, a.mineral, a.title, a.geometry, a.note,
       a.snapshot, a.snapshot_sha256, a.version::text AS version, a.created_by,
       to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
       to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at,
       to_char(a.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS submitted_at,
       to_char(a.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS decided_at
FROM a
