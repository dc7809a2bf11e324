-- boundaries_items: $1..$4 bbox; $5 limit; $6 offset; $7 filters jsonb {level}.
SELECT count(*) OVER () AS matched, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb AS feature
FROM boundaries t
WHERE t.geom && ST_MakeEnvelope($1, $2, $3, $4, 4490)
  AND ($7::jsonb->>'level' IS NULL OR t.level = $7::jsonb->>'level')
ORDER BY t.id
LIMIT $5 OFFSET $6
