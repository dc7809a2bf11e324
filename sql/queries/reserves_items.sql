-- reserves_items: $1..$4 bbox; $5 limit; $6 offset; $7 filters jsonb {block_id, kind}.
-- $8 as_at timestamptz or NULL (current): the versions in force at that instant (current rows and history, 012).
SELECT count(*) OVER () AS matched, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb AS feature
FROM (
  SELECT * FROM reserves WHERE $8::timestamptz IS NULL OR sys_period @> $8::timestamptz
  UNION ALL
  SELECT * FROM reserves_history WHERE $8::timestamptz IS NOT NULL AND sys_period @> $8::timestamptz
) t
WHERE t.geom && ST_MakeEnvelope($1, $2, $3, $4, 4490)
  AND ($7::jsonb->>'block_id' IS NULL OR t.block_id = $7::jsonb->>'block_id')
  AND ($7::jsonb->>'kind' IS NULL OR t.kind = $7::jsonb->>'kind')
ORDER BY t.id
LIMIT $5 OFFSET $6
