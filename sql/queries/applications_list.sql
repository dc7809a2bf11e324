-- applications_list: a page of applications, newest first. $1 state (NULL: any), $2 authority (NULL: any; else that
-- authority and every authority under it, table authorities), $3 applicants (text[]; NULL: any — a holder's list
-- passes its organisations), $4 kind (NULL: any), $5 block_id (NULL: any), $6 limit, $7 offset.
-- The snapshot is not listed (GET /api/applications/{id} carries it). matched: rows matching the filters.
WITH RECURSIVE sub AS (
  SELECT name FROM authorities WHERE name = $2::text
  UNION ALL
  SELECT au.name FROM authorities au JOIN sub ON au.parent = sub.name
)
SELECT count(*) OVER () AS matched, a.id, a.kind, a.state, a.block_id, a.applicant, a.authority, a.mineral, a.title, a.geometry, a.note,
       a.snapshot, a.snapshot_sha256, a.version::text AS version, a.created_by,
       to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at,
       to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_at,
       to_char(a.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS submitted_at,
       to_char(a.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS decided_at
FROM applications a
WHERE ($1::text IS NULL OR a.state = $1::text)
  AND ($2::text IS NULL OR a.authority IN (SELECT name FROM sub))
  AND ($3::text[] IS NULL OR a.applicant = ANY ($3::text[]))
  AND ($4::text IS NULL OR a.kind = $4::text)
  AND ($5::text IS NULL OR a.block_id = $5::text)
ORDER BY a.created_at DESC, a.id DESC
LIMIT $6 OFFSET $7
