-- reserves_items: $1..$4 bbox; $5 limit; $6 offset; $7 filters jsonb {block_id, kind}.
SELECT count(*) OVER () AS matched, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb AS feature
FROM reserves t
WHERE t.geom && ST_MakeEnvelope($1, $2, $3, $4, 4490)
  AND ($7::jsonb->>'block_id' IS NULL OR t.block_id = $7::jsonb->>'block_id')
  AND ($7::jsonb->>'kind' IS NULL OR t.kind = $7::jsonb->>'kind')
ORDER BY t.id
LIMIT $5 OFFSET $6
