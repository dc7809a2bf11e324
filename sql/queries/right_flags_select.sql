-- right_flags_select: flags as the API answers them (issue 14 item 6).
-- $1 text  a flag id, or NULL;  $2 text  a block id, or NULL;  $3 boolean  include released ones
-- Newest first.
SELECT f.id, f.block_id, f.kind, f.document_no, f.authority, f.beneficiary, f.start_on::text AS start_on, f.end_on::text AS end_on,
       f.note, f.synthetic, f.recorded_by,
       to_char(f.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at,
       f.released_on::text AS released_on, f.release_document_no, f.released_by,
       b.holder, b.authority AS block_authority
FROM right_flags f LEFT JOIN blocks b ON b.id = f.block_id
WHERE ($1::text IS NULL OR f.id = $1::text)
  AND ($2::text IS NULL OR f.block_id = $2::text)
  AND ($3::boolean OR f.released_on IS NULL)
ORDER BY f.recorded_at DESC, f.id DESC
