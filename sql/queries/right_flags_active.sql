-- right_flags_active: the flags in force on some rights (issue 14 item 6): recorded (as at $3 when given), not released
-- then, started by $2 and not ended before it.
-- $1 text[] block ids;  $2 date  the day judged;  $3 timestamptz  the register as at this instant, or NULL: as it stands
SELECT f.id, f.block_id, f.kind, f.document_no, f.authority, f.start_on::text AS start_on, f.end_on::text AS end_on
FROM right_flags f
WHERE f.block_id = ANY ($1::text[])
  AND f.start_on <= $2::date AND (f.end_on IS NULL OR f.end_on >= $2::date)
  AND ($3::timestamptz IS NULL OR f.recorded_at <= $3::timestamptz)
  AND (f.released_at IS NULL OR ($3::timestamptz IS NOT NULL AND f.released_at > $3::timestamptz))
ORDER BY f.block_id, f.kind, f.id
