-- redlines_items: $1..$4 bbox; $5 limit; $6 offset; $7 filters jsonb {status, q}.
-- $8 as_at timestamptz or NULL (current): the versions in force at that instant (current rows and history, 012).
SELECT count(*) OVER () AS matched, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb AS feature
FROM (
  SELECT * FROM redlines WHERE $8::timestamptz IS NULL OR sys_period @> $8::timestamptz
  UNION ALL
  SELECT * FROM redlines_history WHERE $8::timestamptz IS NOT NULL AND sys_period @> $8::timestamptz
) t
WHERE t.geom && ST_MakeEnvelope($1, $2, $3, $4, 4490)
  AND ($7::jsonb->>'status' IS NULL OR t.status = $7::jsonb->>'status')
  AND ($7::jsonb->>'q' IS NULL OR t.name ILIKE '%' || ($7::jsonb->>'q') || '%')
ORDER BY t.id
LIMIT $5 OFFSET $6
